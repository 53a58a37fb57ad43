/**
 * The admin's user management: create a user with a role and a first password, change the role, disable or
 * enable, and reset the password. Every change is audited (who, whom, what; never a password) and ends the
 * user's open sessions. Users are never deleted, since meetings, decisions and the audit log name them; an admin
 * cannot disable themselves or change their own role, so the site always keeps an enabled admin.
 */
package io.tumorboard.board.users;
