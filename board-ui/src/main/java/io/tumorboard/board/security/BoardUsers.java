package io.tumorboard.board.security;

import io.tumorboard.board.store.MigratedSchemas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The {@code board_user} table: sign-in for Spring Security ({@link PasswordCheck}) and the people lists of the
 * workbench. Every change to a user forgets the user's recently verified passwords ({@link VerifiedCredentials}).
 */
@Repository
public class BoardUsers {

    /** NIST SP 800-63B asks for at least 8 characters; a board workstation deserves more. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final String ACCOUNT_COLUMNS =
            "SELECT username, full_name, board_role, specialty, enabled FROM board_user ";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final VerifiedCredentials verified;

    public BoardUsers(JdbcClient jdbc, PasswordEncoder encoder, VerifiedCredentials verified,
                      MigratedSchemas migrated) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.verified = verified;
    }

    /**
     * The user as Spring Security checks a sign-in or an HTTP Basic request: the bcrypt hash, the role (plus the
     * password-change authority while a handed-over password awaits its change) and whether they are enabled. Not
     * a {@code UserDetailsService} bean: {@link PasswordCheck} is the one authentication provider.
     */
    UserDetails signInDetails(String username) {
        record Row(String hash, String role, boolean enabled, boolean mustChange) {
        }
        Row row = jdbc.sql("SELECT password_hash, board_role, enabled, must_change_password FROM board_user "
                        + "WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
                .optional().orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(BoardRole.valueOf(row.role()).authority()));
        if (row.mustChange()) {
            authorities.add(new SimpleGrantedAuthority(PasswordChange.AUTHORITY));
        }
        return User.withUsername(username).password(row.hash()).disabled(!row.enabled()).authorities(authorities)
                .build();
    }

    /**
     * Creates a user; the password is stored only as a bcrypt hash.
     *
     * @param mustChange whether the user must replace the password at their first sign-in (true when someone else
     *                   chose it and handed it over)
     */
    public void create(BoardUser user, String rawPassword, boolean mustChange) {
        requireAcceptable(rawPassword);
        jdbc.sql("""
                INSERT INTO board_user (username, password_hash, board_role, full_name, specialty, enabled,
                                        must_change_password)
                VALUES (:u, :hash, :role, :name, :specialty, TRUE, :must)
                """)
                .param("u", user.username()).param("hash", encoder.encode(rawPassword))
                .param("role", user.role().name()).param("name", user.fullName())
                .param("specialty", user.specialty()).param("must", mustChange).update();
    }

    /** Every account, enabled or not, admins first, then by role and name (the admin's users page). */
    public List<UserAccount> accounts() {
        return jdbc.sql(ACCOUNT_COLUMNS + "ORDER BY board_role, full_name, username").query(BoardUsers::account)
                .list();
    }

    public Optional<UserAccount> account(String username) {
        return jdbc.sql(ACCOUNT_COLUMNS + "WHERE username = :u").param("u", username).query(BoardUsers::account)
                .optional();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(new BoardUser(rs.getString(1), rs.getString(2), BoardRole.valueOf(rs.getString(3)),
                rs.getString(4)), rs.getBoolean(5));
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE board_user SET enabled = :e WHERE username = :u").param("e", enabled)
                .param("u", username).update();
        verified.forget(username);
    }

    public void setRole(String username, BoardRole role) {
        jdbc.sql("UPDATE board_user SET board_role = :r WHERE username = :u").param("r", role.name())
                .param("u", username).update();
        verified.forget(username);
    }

    /**
     * Replaces the password; only its bcrypt hash is stored.
     *
     * @param mustChange true when someone other than the user chose it (an admin's reset)
     */
    public void setPassword(String username, String rawPassword, boolean mustChange) {
        requireAcceptable(rawPassword);
        jdbc.sql("UPDATE board_user SET password_hash = :hash, must_change_password = :must WHERE username = :u")
                .param("hash", encoder.encode(rawPassword)).param("must", mustChange).param("u", username).update();
        verified.forget(username);
    }

    /** Whether the raw password is the user's current one (false for an unknown user). */
    public boolean passwordMatches(String username, String rawPassword) {
        return rawPassword != null && jdbc.sql("SELECT password_hash FROM board_user WHERE username = :u")
                .param("u", username).query(String.class).optional()
                .map(hash -> encoder.matches(rawPassword, hash)).orElse(false);
    }

    /** Refuses a password shorter than {@value #MIN_PASSWORD_LENGTH} characters or made of spaces. */
    public static void requireAcceptable(String rawPassword) {
        if (rawPassword == null || rawPassword.strip().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM board_user WHERE username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM board_user").query(Long.class).single();
    }

    public Optional<BoardUser> find(String username) {
        return jdbc.sql("SELECT username, full_name, board_role, specialty FROM board_user WHERE username = :u")
                .param("u", username).query((rs, n) -> new BoardUser(rs.getString(1), rs.getString(2),
                        BoardRole.valueOf(rs.getString(3)), rs.getString(4))).optional();
    }

    public List<BoardUser> withRole(BoardRole role) {
        return jdbc.sql("SELECT username, full_name, board_role, specialty FROM board_user WHERE board_role = :r "
                        + "AND enabled = TRUE ORDER BY full_name")
                .param("r", role.name()).query((rs, n) -> new BoardUser(rs.getString(1), rs.getString(2),
                        BoardRole.valueOf(rs.getString(3)), rs.getString(4))).list();
    }
}
