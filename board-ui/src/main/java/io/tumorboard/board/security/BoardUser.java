package io.tumorboard.board.security;

/**
 * A person who may sign in.
 *
 * @param username sign-in name
 * @param fullName name shown in attendee lists and sign-offs
 * @param role the one board role
 * @param specialty e.g. {@code medical oncology}, {@code radiology}; null for non-clinicians
 */
public record BoardUser(String username, String fullName, BoardRole role, String specialty) {
}
