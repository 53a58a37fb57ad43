package io.tumorboard.board.users;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.security.BoardUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user replaces their own password, proving the current one first (a session left open on a
 * meeting-room workstation must not be enough to take the account over). Audited, never with a password.
 */
@Service
class OwnPassword {

    private final BoardUsers users;
    private final AuditTrail audit;

    OwnPassword(BoardUsers users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    void change(String username, String current, String replacement, String repeated) {
        if (!users.passwordMatches(username, current)) {
            throw new IllegalArgumentException("the current password is not right; nothing was changed");
        }
        if (replacement == null || !replacement.equals(repeated)) {
            throw new IllegalArgumentException("the new password and its repetition differ; nothing was changed");
        }
        if (replacement.equals(current)) {
            throw new IllegalArgumentException("the new password is the current one; nothing was changed");
        }
        users.setPassword(username, replacement, false);
        audit.record(username, "PASSWORD_CHANGED", "user:" + username, "by the user");
    }
}
