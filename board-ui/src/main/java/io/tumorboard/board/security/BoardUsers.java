package io.tumorboard.board.security;

import io.tumorboard.board.store.MigratedSchemas;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The {@code board_user} table: sign-in for Spring Security and the people lists of the workbench. */
@Repository
public class BoardUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public BoardUsers(JdbcClient jdbc, PasswordEncoder encoder, MigratedSchemas migrated) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String hash, String role, boolean enabled) {
        }
        Row row = jdbc.sql("SELECT password_hash, board_role, enabled FROM board_user WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional().orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(username).password(row.hash()).disabled(!row.enabled())
                .authorities(new SimpleGrantedAuthority(BoardRole.valueOf(row.role()).authority())).build();
    }

    /** Creates a user; the password is stored only as a bcrypt hash. */
    public void create(BoardUser user, String rawPassword) {
        jdbc.sql("""
                INSERT INTO board_user (username, password_hash, board_role, full_name, specialty, enabled)
                VALUES (:u, :hash, :role, :name, :specialty, TRUE)
                """)
                .param("u", user.username()).param("hash", encoder.encode(rawPassword))
                .param("role", user.role().name()).param("name", user.fullName())
                .param("specialty", user.specialty()).update();
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
