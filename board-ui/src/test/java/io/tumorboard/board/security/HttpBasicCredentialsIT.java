package io.tumorboard.board.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An integration calling the REST API with HTTP Basic: its verified password is kept for the next requests, and
 * the admin's changes to its account (disable, password reset, role change) hold from its very next request.
 */
@BoardIntegrationTest
class HttpBasicCredentialsIT {

    private static final String SECRET = "integration-secret-2026";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    BoardUsers users;
    @Autowired
    VerifiedCredentials verified;
    @Autowired
    JdbcClient jdbc;

    private BoardClient admin;

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
        admin = new BoardClient(port).login("admin", TestBoard.PASSWORD);
        admin.get("/admin/users");
    }

    /** An integration account with its own password (not a handed-over one, which the API refuses until changed). */
    private void account(String username, BoardRole role) {
        if (!users.exists(username)) {
            users.create(new BoardUser(username, "Lab system " + username, role, null), SECRET, false);
        }
    }

    private HttpResponse<String> get(String username, String password, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String storedHash(String username) {
        return jdbc.sql("SELECT password_hash FROM board_user WHERE username = :u").param("u", username)
                .query(String.class).single();
    }

    @Test
    void aVerifiedPasswordIsKeptForTheNextRequestsAndAWrongOneIsNot() throws Exception {
        account("basic-kept", BoardRole.BOARD_MEMBER);

        assertThat(get("basic-kept", "not-the-secret-2026", "/api/cases").statusCode()).isEqualTo(401);
        assertThat(verified.holds("basic-kept", "not-the-secret-2026", storedHash("basic-kept"))).isFalse();
        assertThat(get("basic-kept", SECRET, "/api/cases").statusCode()).isEqualTo(200);
        assertThat(verified.holds("basic-kept", SECRET, storedHash("basic-kept"))).isTrue();
        assertThat(get("basic-kept", SECRET, "/api/cases").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledIntegrationIsRefusedAtItsNextRequest() throws Exception {
        account("basic-disabled", BoardRole.BOARD_MEMBER);
        assertThat(get("basic-disabled", SECRET, "/api/cases").statusCode()).isEqualTo(200);

        assertThat(admin.post("/admin/users/basic-disabled/disable", Map.of()).statusCode()).isEqualTo(302);

        assertThat(get("basic-disabled", SECRET, "/api/cases").statusCode()).isEqualTo(401);
    }

    @Test
    void afterAnAdminsPasswordResetTheOldPasswordIsRefusedAtOnce() throws Exception {
        account("basic-reset", BoardRole.BOARD_MEMBER);
        assertThat(get("basic-reset", SECRET, "/api/cases").statusCode()).isEqualTo(200);

        assertThat(admin.post("/admin/users/basic-reset/password", Map.of("password", "handed-over-2026-x"))
                .statusCode()).isEqualTo(302);

        assertThat(verified.holds("basic-reset", SECRET, storedHash("basic-reset"))).isFalse();
        assertThat(get("basic-reset", SECRET, "/api/cases").statusCode()).isEqualTo(401);
        // the handed-over password signs in, and the API asks for it to be changed first
        assertThat(get("basic-reset", "handed-over-2026-x", "/api/cases").statusCode()).isEqualTo(403);
    }

    @Test
    void aRoleChangeHoldsFromTheNextRequest() throws Exception {
        account("basic-datasci", BoardRole.DATA_SCIENTIST);
        assertThat(get("basic-datasci", SECRET, "/v3/api-docs").statusCode()).isEqualTo(200);

        admin.get("/admin/users");
        assertThat(admin.post("/admin/users/basic-datasci/role", Map.of("role", "BOARD_MEMBER")).statusCode())
                .isEqualTo(302);

        assertThat(get("basic-datasci", SECRET, "/v3/api-docs").statusCode()).isEqualTo(403);
        assertThat(get("basic-datasci", SECRET, "/api/cases").statusCode()).isEqualTo(200);
    }
}
