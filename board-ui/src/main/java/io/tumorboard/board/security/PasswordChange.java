package io.tumorboard.board.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A password someone else chose (the admin, for a new user or a reset) must be changed by its owner before any
 * other page: whoever handed it over, or read it on the way, could otherwise use the account. The sign-in carries
 * {@link #AUTHORITY} while the change is due; {@code PasswordChangeGate} lets such a session reach only the
 * password page and sign-out.
 */
public final class PasswordChange {

    /** Granted at sign-in while the user's password is one they did not choose. Not a role. */
    public static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

    private PasswordChange() {
    }

    public static boolean due(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    /**
     * After the user chose their own password: the session's sign-in loses {@link #AUTHORITY}, so the workbench
     * opens without signing in again.
     */
    public static void done(HttpServletRequest request, HttpServletResponse response) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!due(signedIn)) {
            return;
        }
        Authentication cleared = UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null,
                signedIn.getAuthorities().stream().filter(a -> !AUTHORITY.equals(a.getAuthority()))
                        .map(GrantedAuthority.class::cast).toList());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(cleared);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
