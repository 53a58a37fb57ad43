/**
 * Who may do what. {@link io.tumorboard.board.security.BoardRole} names the board's roles and
 * {@link io.tumorboard.board.security.AccessMatrix} is the one table of routes and the roles allowed on them; the
 * filter chain is built from it and an access test crawls every route against it. Users live in
 * {@code board_user} with bcrypt hashes; only the {@code demo} profile creates users with known passwords.
 */
package io.tumorboard.board.security;
