package io.tumorboard.board.security;

import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The open sign-in sessions of each user. A session keeps the role it signed in with, so when the admin
 * disables a user, changes their role or resets their password, their open sessions are ended: the next request
 * goes to the sign-in page instead of carrying on with the old rights.
 */
@Component
public class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every open session of the user; returns how many there were. */
    public int endAllOf(String username) {
        List<SessionInformation> open = registry.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails d && d.getUsername().equals(username))
                .flatMap(p -> registry.getAllSessions(p, false).stream()).toList();
        open.forEach(SessionInformation::expireNow);
        return open.size();
    }
}
