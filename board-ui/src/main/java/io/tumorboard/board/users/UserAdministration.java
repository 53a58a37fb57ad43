package io.tumorboard.board.users;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUser;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.security.SignedInSessions;
import io.tumorboard.board.security.UserAccount;
import io.tumorboard.board.web.RecordNotFoundException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the admin may do to users. An admin cannot disable themselves or change their own role, so the admin
 * acting always remains an enabled admin and the site is never left without one. Every change is written to the
 * audit log and ends the user's open sessions, so it takes effect at their next request.
 */
@Service
class UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final BoardUsers users;
    private final SignedInSessions sessions;
    private final AuditTrail audit;

    UserAdministration(BoardUsers users, SignedInSessions sessions, AuditTrail audit) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Transactional
    void create(NewUser form, String admin) {
        String username = form.username() == null ? "" : form.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name has 2 to 64 lower-case letters, digits, '.', '-' or '_'"
                    + " and starts with a letter or digit");
        }
        if (users.exists(username)) {
            throw new IllegalArgumentException("user " + username + " exists already");
        }
        if (form.fullName() == null || form.fullName().isBlank()) {
            throw new IllegalArgumentException("user " + username + " needs a full name");
        }
        if (form.role() == null) {
            throw new IllegalArgumentException("user " + username + " needs a role");
        }
        String specialty = form.specialty() == null || form.specialty().isBlank() ? null : form.specialty().strip();
        users.create(new BoardUser(username, form.fullName().strip(), form.role(), specialty), form.password(),
                true);
        audit.record(admin, "USER_CREATED", target(username), "role " + form.role());
    }

    @Transactional
    void changeRole(String username, BoardRole role, String admin) {
        UserAccount account = existing(username);
        BoardRole before = account.user().role();
        if (before == role) {
            return;
        }
        refuseOwnAccount(username, admin, "change your own role");
        users.setRole(username, role);
        audit.record(admin, "USER_ROLE_CHANGED", target(username), before + " to " + role + endSessions(username));
    }

    @Transactional
    void disable(String username, String admin) {
        UserAccount account = existing(username);
        if (!account.enabled()) {
            return;
        }
        refuseOwnAccount(username, admin, "disable yourself");
        users.setEnabled(username, false);
        audit.record(admin, "USER_DISABLED", target(username), "may no longer sign in" + endSessions(username));
    }

    @Transactional
    void enable(String username, String admin) {
        if (existing(username).enabled()) {
            return;
        }
        users.setEnabled(username, true);
        audit.record(admin, "USER_ENABLED", target(username), "may sign in again");
    }

    /**
     * Sets a new password the admin hands to the user, who must replace it at their next sign-in; the audit records
     * that it was reset, never the password.
     */
    @Transactional
    void resetPassword(String username, String password, String admin) {
        existing(username);
        users.setPassword(username, password, true);
        audit.record(admin, "USER_PASSWORD_RESET", target(username), "new password set" + endSessions(username));
    }

    private UserAccount existing(String username) {
        return users.account(username).orElseThrow(() -> new RecordNotFoundException("user", username));
    }

    private static void refuseOwnAccount(String username, String admin, String what) {
        if (username.equals(admin)) {
            throw new IllegalArgumentException("you cannot " + what + "; another admin can, so that the site "
                    + "always keeps an admin");
        }
    }

    private String endSessions(String username) {
        int ended = sessions.endAllOf(username);
        return ended == 0 ? "" : "; " + ended + " open session" + (ended == 1 ? "" : "s") + " ended";
    }

    private static String target(String username) {
        return "user:" + username;
    }
}
