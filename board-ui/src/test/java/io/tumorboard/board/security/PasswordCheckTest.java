package io.tumorboard.board.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An HTTP Basic caller's password is checked with bcrypt once and then taken as verified for five minutes, but
 * only while it is still the user's password and the user is still enabled; a wrong password is never kept.
 */
class PasswordCheckTest {

    private static final String PASSWORD = "integration-secret-2026";

    /** bcrypt at its lowest cost (the check, not its price, is under test), counting every comparison. */
    private static final class CountingBcrypt implements PasswordEncoder {
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return bcrypt.matches(raw, encoded);
        }
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-05T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final TestClock clock = new TestClock();
    private final VerifiedCredentials verified = new VerifiedCredentials(clock);
    private final Map<String, UserDetails> stored = new HashMap<>();
    private final PasswordCheck check = new PasswordCheck(username -> {
        UserDetails user = stored.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        // A fresh copy per request, as read from board_user (Spring Security erases the password of the one used).
        return User.withUserDetails(user).build();
    }, bcrypt, verified);

    @BeforeEach
    void anIntegrationAccount() {
        store("lab-system", PASSWORD, true);
        bcrypt.checks = 0;
    }

    private void store(String username, String password, boolean enabled) {
        stored.put(username, User.withUsername(username).password(new BCryptPasswordEncoder(4).encode(password))
                .authorities("ROLE_BOARD_MEMBER").disabled(!enabled).build());
    }

    private Authentication request(String username, String password) {
        return check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void aSecondRequestWithinFiveMinutesIsNotCheckedWithBcryptAgain() {
        assertThat(request("lab-system", PASSWORD).isAuthenticated()).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        Authentication second = request("lab-system", PASSWORD);

        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_BOARD_MEMBER");
        assertThat(bcrypt.checks).isEqualTo(1);
    }

    @Test
    void afterFiveMinutesTheNextRequestIsCheckedWithBcryptAgain() {
        request("lab-system", PASSWORD);
        clock.now = clock.now.plus(VerifiedCredentials.KEPT);
        request("lab-system", PASSWORD);

        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsNeverKeptAndEveryGuessCostsBcrypt() {
        assertThatThrownBy(() -> request("lab-system", "a-wrong-guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> request("lab-system", "a-wrong-guess")).isInstanceOf(BadCredentialsException.class);

        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aChangedPasswordIsRefusedAtOnceEvenWhereNobodyToldThisCache() {
        request("lab-system", PASSWORD);
        // e.g. changed on another workbench instance over the same database: only the stored hash changed
        store("lab-system", "the-new-secret-2027", true);

        assertThatThrownBy(() -> request("lab-system", PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(request("lab-system", "the-new-secret-2027").isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledUserIsRefusedAtOnce() {
        request("lab-system", PASSWORD);
        store("lab-system", PASSWORD, false);

        assertThatThrownBy(() -> request("lab-system", PASSWORD)).isInstanceOf(DisabledException.class);
    }

    @Test
    void aForgottenUserIsCheckedWithBcryptAgain() {
        request("lab-system", PASSWORD);
        verified.forget("lab-system");
        request("lab-system", PASSWORD);

        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void oneUsersVerifiedPasswordDoesNotLetAnotherUserIn() {
        store("other-system", "other-secret-2026", true);
        request("lab-system", PASSWORD);

        assertThatThrownBy(() -> request("other-system", PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }
}
