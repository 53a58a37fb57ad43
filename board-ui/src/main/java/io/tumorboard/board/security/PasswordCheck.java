package io.tumorboard.board.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's user-name-and-password check (form sign-in and HTTP Basic), with bcrypt skipped for a pair that
 * passed it in the last five minutes against the same stored hash ({@link VerifiedCredentials}). Everything else is
 * {@link DaoAuthenticationProvider}'s, per request: the user is read from {@code board_user} again, a disabled
 * user is refused before the password is looked at, an unknown user still costs a bcrypt check (so timing does not
 * tell which users exist), and the authorities are the stored ones.
 */
class PasswordCheck extends DaoAuthenticationProvider {

    private final VerifiedCredentials verified;

    PasswordCheck(UserDetailsService users, PasswordEncoder encoder, VerifiedCredentials verified) {
        super(users);
        setPasswordEncoder(encoder);
        this.verified = verified;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken presented)
            throws AuthenticationException {
        Object password = presented.getCredentials();
        if (password != null && verified.holds(user.getUsername(), password.toString(), user.getPassword())) {
            return;
        }
        // bcrypt; throws BadCredentialsException on a wrong (or missing) password, which is never kept.
        super.additionalAuthenticationChecks(user, presented);
        verified.remember(user.getUsername(), password.toString(), user.getPassword());
    }
}
