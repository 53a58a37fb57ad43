package io.tumorboard.board.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * User name and password pairs that passed the bcrypt check in the last {@link #KEPT} (5 minutes), so that an
 * integration calling the REST API with HTTP Basic pays bcrypt (cost 12, about 0.2 s of CPU) once per five minutes
 * rather than on every request. Only a successful check is kept, so every wrong guess still costs bcrypt.
 *
 * <p>Never the password: an entry is keyed by SHA-256 over a random salt made at start (kept only in memory), the
 * user name and the password, and holds the user name, the bcrypt hash the password was checked against and when.
 * An entry counts only while that hash is still the user's stored one, so a changed password is refused at once
 * even on another workbench instance; the admin's changes to a user also forget the user's entries here
 * ({@link BoardUsers}). A disabled user is refused before the password is looked at, on every request
 * ({@link PasswordCheck}). At most {@value #MAX_ENTRIES} entries, least recently used dropped first.
 *
 * <p>The trade: someone who can read this process's memory could test guesses against an entry with SHA-256
 * instead of bcrypt, for five minutes; such a reader also sees the HTTP Basic headers themselves.
 */
@Component
class VerifiedCredentials {

    static final Duration KEPT = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 1_000;

    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                    return size() > MAX_ENTRIES;
                }
            });

    /** A successful check: whose, against which stored bcrypt hash, and when. */
    private record Verified(String username, String passwordHash, Instant at) {
    }

    VerifiedCredentials(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** Whether this pair passed the check against this stored hash less than five minutes ago. */
    boolean holds(String username, String rawPassword, String storedHash) {
        Verified entry = verified.get(key(username, rawPassword));
        return entry != null && entry.username().equals(username) && entry.passwordHash().equals(storedHash)
                && clock.instant().isBefore(entry.at().plus(KEPT));
    }

    /** Keeps a pair that has just passed the bcrypt check against {@code storedHash}. */
    void remember(String username, String rawPassword, String storedHash) {
        verified.put(key(username, rawPassword), new Verified(username, storedHash, clock.instant()));
    }

    /** Forgets every kept check of the user (the admin changed or disabled them, or they changed their password). */
    void forget(String username) {
        synchronized (verified) {
            verified.values().removeIf(v -> v.username().equals(username));
        }
    }

    private String key(String username, String rawPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            // Lengths first, so that ("ab", "c") and ("a", "bc") never give the same key.
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            byte[] password = rawPassword.getBytes(StandardCharsets.UTF_8);
            sha256.update(HexFormat.of().toHexDigits(user.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update(user);
            sha256.update(HexFormat.of().toHexDigits(password.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update(password);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
