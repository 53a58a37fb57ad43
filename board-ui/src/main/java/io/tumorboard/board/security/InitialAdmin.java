package io.tumorboard.board.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo there is no default password: on a fresh database the site's operator gives the first
 * admin's name and password once, through {@code board.initial-admin.username} and
 * {@code board.initial-admin.password} (environment or command line); the password is stored bcrypt-hashed.
 */
/** Runs after the demo seeder, so a demo start does not warn that no users exist. */
@Component
@Order(2)
class InitialAdmin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    private final BoardUsers users;
    private final String username;
    private final String password;

    InitialAdmin(BoardUsers users, @Value("${board.initial-admin.username:}") String username,
            @Value("${board.initial-admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank()) {
            if (users.count() == 0) {
                LOG.warn("No users exist. Start once with --board.initial-admin.username=... and "
                        + "--board.initial-admin.password=... (at least {} characters) to create the first admin.",
                        BoardUsers.MIN_PASSWORD_LENGTH);
            }
            return;
        }
        if (users.exists(username)) {
            return;
        }
        if (password.length() < BoardUsers.MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("board.initial-admin.password must have at least "
                    + BoardUsers.MIN_PASSWORD_LENGTH + " characters");
        }
        // The first admin chose this password themselves (nobody handed it over), so no change is forced.
        users.create(new BoardUser(username, username, BoardRole.ADMIN, null), password, false);
        LOG.info("Created the initial admin user '{}'", username);
    }
}
