package io.tumorboard.board.security;

/**
 * A user as the admin manages it: the person and whether they may sign in. Accounts are disabled, never deleted,
 * because meetings, decisions and the audit log keep naming them.
 *
 * @param user the person and their role
 * @param enabled whether they may sign in
 */
public record UserAccount(BoardUser user, boolean enabled) {
}
