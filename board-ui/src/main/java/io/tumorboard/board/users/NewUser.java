package io.tumorboard.board.users;

import io.tumorboard.board.security.BoardRole;

/**
 * The admin's form for a new user.
 *
 * @param username sign-in name: lower-case letters, digits, dot, dash or underscore, 2 to 64 characters
 * @param fullName name shown in attendee lists and sign-offs
 * @param role the one board role
 * @param specialty e.g. {@code radiology}; blank for non-clinicians
 * @param password the first password, which the admin hands over and the user should change
 */
record NewUser(String username, String fullName, BoardRole role, String specialty, String password) {
}
