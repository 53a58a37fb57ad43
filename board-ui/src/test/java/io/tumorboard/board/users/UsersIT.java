package io.tumorboard.board.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.audit.AuditEvent;
import io.tumorboard.board.audit.AuditTrail;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin manages users through the users page; every change is audited and ends the user's open sessions. */
@BoardIntegrationTest
class UsersIT {

    private static final String FIRST_PASSWORD = "first-password-4711";
    private static final String OWN_PASSWORD = "chosen-by-myself-2026";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    private BoardClient admin;

    @BeforeEach
    void signInAsAdmin() {
        TestBoard.prepare(context);
        admin = new BoardClient(port).login("admin", TestBoard.PASSWORD);
        admin.get("/admin/users");
    }

    private void create(String username, String role) {
        HttpResponse<String> created = admin.post("/admin/users", Map.of("username", username, "fullName",
                "Dr. " + username, "role", role, "specialty", "radiology", "password", FIRST_PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        admin.get("/admin/users");
    }

    /** The user's first sign-in with the password the admin handed over, replacing it by their own. */
    private BoardClient firstSignIn(String username) {
        BoardClient user = new BoardClient(port).login(username, FIRST_PASSWORD);
        user.get("/account/password");
        HttpResponse<String> changed = user.post("/account/password", Map.of("current", FIRST_PASSWORD,
                "password", OWN_PASSWORD, "repeated", OWN_PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        return user;
    }

    @Test
    void aHandedOverPasswordMustBeChangedBeforeAnyOtherPageThenTheSameSessionGoesOn() {
        create("first-timer", "BOARD_MEMBER");
        BoardClient user = new BoardClient(port).login("first-timer", FIRST_PASSWORD);

        for (String page : java.util.List.of("/", "/meetings", "/cases/anything", "/meetings/1/present")) {
            HttpResponse<String> refused = user.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElse("")).as(page)
                    .endsWith("/account/password?required");
        }
        HttpResponse<String> api = user.get("/api/cases");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("Password change required");
        assertThat(user.get("/account/password?required").body()).contains("id=\"password-change-required\"");
        assertThat(user.post("/admin/users", Map.of()).statusCode()).isEqualTo(403);

        user.get("/account/password");
        HttpResponse<String> changed = user.post("/account/password", Map.of("current", FIRST_PASSWORD,
                "password", OWN_PASSWORD, "repeated", OWN_PASSWORD));
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/");
        assertThat(user.get("/meetings").statusCode()).isEqualTo(200);
        assertThat(user.get("/account/password").body()).doesNotContain("password-change-required");
        assertThat(new BoardClient(port).login("first-timer", OWN_PASSWORD).get("/meetings").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAdminsResetMakesTheUserChangeThePasswordAgainAndTheApiSaysWhyMeanwhile() throws Exception {
        create("reset-member", "BOARD_MEMBER");
        firstSignIn("reset-member");
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users/reset-member/password", Map.of("password", "handed-over-again-2026"))
                .statusCode()).isEqualTo(302);

        BoardClient again = new BoardClient(port).login("reset-member", "handed-over-again-2026");
        assertThat(again.get("/meetings").headers().firstValue("Location").orElse(""))
                .endsWith("/account/password?required");
        HttpResponse<String> basic = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/cases"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "reset-member:handed-over-again-2026".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(403);
        assertThat(basic.body()).contains("its owner must sign in on the workbench");
    }

    @Test
    void aCreatedUserSignsInWithTheRoleTheAdminGave() {
        create("new-chair", "CHAIR");

        BoardClient chair = firstSignIn("new-chair");
        assertThat(chair.get("/meetings").statusCode()).isEqualTo(200);
        assertThat(chair.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/users").body()).contains("id=\"user-new-chair\"").contains("Dr. new-chair");
        assertThat(jdbc.sql("SELECT password_hash FROM board_user WHERE username = 'new-chair'").query(String.class)
                .single()).startsWith("$2a$12$");
        assertThat(audit.forTarget("user:new-chair")).extracting(AuditEvent::username, AuditEvent::action,
                AuditEvent::detail).containsExactly(tuple("admin", "USER_CREATED", "role CHAIR"),
                        tuple("new-chair", "PASSWORD_CHANGED", "by the user"));
    }

    @Test
    void disablingAUserEndsTheirOpenSessionAndRefusesTheirNextSignIn() {
        create("leaving-member", "BOARD_MEMBER");
        BoardClient member = firstSignIn("leaving-member");
        assertThat(member.get("/meetings").statusCode()).isEqualTo(200);

        assertThat(admin.post("/admin/users/leaving-member/disable", Map.of()).statusCode()).isEqualTo(302);

        HttpResponse<String> next = member.get("/meetings");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login?ended");
        assertThatThrownBy(() -> new BoardClient(port).login("leaving-member", OWN_PASSWORD))
                .hasMessageContaining("login of leaving-member failed");
        assertThat(audit.forTarget("user:leaving-member")).extracting(AuditEvent::action)
                .containsExactly("USER_CREATED", "PASSWORD_CHANGED", "USER_DISABLED");
        assertThat(audit.forTarget("user:leaving-member").get(2).detail()).contains("1 open session ended");

        admin.get("/admin/users");
        assertThat(admin.post("/admin/users/leaving-member/enable", Map.of()).statusCode()).isEqualTo(302);
        assertThat(new BoardClient(port).login("leaving-member", OWN_PASSWORD).get("/meetings").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aChangedRoleEndsTheOldSessionAndHoldsFromTheNextSignIn() {
        create("moving-member", "BOARD_MEMBER");
        BoardClient before = firstSignIn("moving-member");
        assertThat(before.get("/models").statusCode()).isEqualTo(403);

        assertThat(admin.post("/admin/users/moving-member/role", Map.of("role", "DATA_SCIENTIST")).statusCode())
                .isEqualTo(302);

        assertThat(before.get("/models").statusCode()).isEqualTo(302);
        BoardClient after = new BoardClient(port).login("moving-member", OWN_PASSWORD);
        assertThat(after.get("/models").statusCode()).isEqualTo(200);
        assertThat(after.get("/meetings/1/present").statusCode()).isEqualTo(403);
        assertThat(audit.forTarget("user:moving-member").get(2).detail())
                .startsWith("BOARD_MEMBER to DATA_SCIENTIST");
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndIsNeverWrittenToTheAuditLog() {
        create("forgetful-member", "BOARD_MEMBER");
        String newPassword = "handed-over-in-person-2026";

        assertThat(admin.post("/admin/users/forgetful-member/password", Map.of("password", newPassword))
                .statusCode()).isEqualTo(302);

        assertThatThrownBy(() -> new BoardClient(port).login("forgetful-member", FIRST_PASSWORD))
                .hasMessageContaining("failed");
        // The reset password signs in, and its owner must replace it before anything else.
        assertThat(new BoardClient(port).login("forgetful-member", newPassword).get("/meetings").headers()
                .firstValue("Location").orElse("")).endsWith("/account/password?required");
        assertThat(audit.forTarget("user:forgetful-member")).extracting(AuditEvent::action)
                .containsExactly("USER_CREATED", "USER_PASSWORD_RESET");
        assertThat(audit.latest(500)).extracting(AuditEvent::detail)
                .noneMatch(d -> d != null && (d.contains(newPassword) || d.contains(FIRST_PASSWORD)));
    }

    @Test
    void refusedChangesAreAnsweredWithTheReasonAndChangeNothing() {
        create("careful-member", "BOARD_MEMBER");

        HttpResponse<String> shortPassword = admin.post("/admin/users/careful-member/password",
                Map.of("password", "too-short"));
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("at least 12 characters");
        assertThat(new BoardClient(port).login("careful-member", FIRST_PASSWORD).get("/account/password")
                .statusCode()).isEqualTo(200);

        admin.get("/admin/users");
        HttpResponse<String> twice = admin.post("/admin/users", Map.of("username", "careful-member", "fullName",
                "Someone Else", "role", "ADMIN", "password", FIRST_PASSWORD));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("careful-member exists already");

        admin.get("/admin/users");
        assertThat(admin.post("/admin/users", Map.of("username", "Bad Name!", "fullName", "X", "role", "CHAIR",
                "password", FIRST_PASSWORD)).statusCode()).isEqualTo(400);
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users/nobody-here/disable", Map.of()).statusCode()).isEqualTo(404);
        assertThat(audit.forTarget("user:careful-member")).extracting(AuditEvent::action)
                .containsExactly("USER_CREATED");
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        HttpResponse<String> disableSelf = admin.post("/admin/users/admin/disable", Map.of());
        assertThat(disableSelf.statusCode()).isEqualTo(400);
        assertThat(disableSelf.body()).contains("you cannot disable yourself");
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users/admin/role", Map.of("role", "CHAIR")).statusCode()).isEqualTo(400);

        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT board_role FROM board_user WHERE username = 'admin' AND enabled = TRUE")
                .query(String.class).single()).isEqualTo("ADMIN");
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        create("self-service", "DATA_SCIENTIST");
        BoardClient user = new BoardClient(port).login("self-service", FIRST_PASSWORD);
        String chosen = "my-own-choice-of-2026";

        user.get("/account/password");
        HttpResponse<String> wrongCurrent = user.post("/account/password",
                Map.of("current", "not-my-password", "password", chosen, "repeated", chosen));
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("current password is not right");
        user.get("/account/password");
        assertThat(user.post("/account/password", Map.of("current", FIRST_PASSWORD, "password", chosen,
                "repeated", chosen + "x")).statusCode()).isEqualTo(400);

        user.get("/account/password");
        assertThat(user.post("/account/password", Map.of("current", FIRST_PASSWORD, "password", chosen,
                "repeated", chosen)).statusCode()).isEqualTo(302);

        assertThatThrownBy(() -> new BoardClient(port).login("self-service", FIRST_PASSWORD))
                .hasMessageContaining("failed");
        assertThat(new BoardClient(port).login("self-service", chosen).get("/models").statusCode()).isEqualTo(200);
        assertThat(audit.forTarget("user:self-service")).extracting(AuditEvent::username, AuditEvent::action)
                .containsExactly(tuple("admin", "USER_CREATED"),
                        tuple("self-service", "PASSWORD_CHANGED"));
    }
}
