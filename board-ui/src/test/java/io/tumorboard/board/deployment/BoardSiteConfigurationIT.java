package io.tumorboard.board.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardApplication;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.model.casestore.ThrowawayPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The example a hospital copies, {@code board-ui/config/board-site.properties}, starts the workbench on a real
 * PostgreSQL: only what a test machine must differ in (ports, database address, folders, the secrets the file
 * reads from the environment) is overridden.
 */
@ExtendWith(ThrowawayPostgres.class)
class BoardSiteConfigurationIT {

    private static final Path EXAMPLE = Path.of("config", "board-site.properties").toAbsolutePath();

    @TempDir
    Path site;

    @Test
    void theExampleSiteConfigurationStartsTheWorkbenchOnPostgresWithItsFirstAdministrator() throws Exception {
        assertThat(EXAMPLE).exists();
        // Spring Boot configures logging once per JVM and the contexts other tests cached already did: clear that
        // mark so this context applies the example's logging settings as the site's own process would.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext board = new SpringApplicationBuilder(BoardApplication.class).run(
                "--spring.config.additional-location=file:" + EXAMPLE,
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + ThrowawayPostgres.jdbcUrl(),
                "--spring.datasource.username=" + ThrowawayPostgres.ROLE,
                "--BOARD_DB_PASSWORD=",
                "--BOARD_INITIAL_ADMIN=siteadmin",
                "--BOARD_INITIAL_ADMIN_PASSWORD=first-start-password-2026",
                "--board.models.registry=" + Files.createDirectories(site.resolve("registry")),
                "--logging.file.name=" + site.resolve("board.log"))) {
            int port = ((WebServerApplicationContext) board).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(board.getBean(BoardUsers.class).exists("siteadmin")).isTrue();
            assertThat(board.getBean(JdbcClient.class).sql("SELECT count(*) FROM casestore_schema_history WHERE success")
                    .query(Long.class).single()).isPositive();
            assertThat(board.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(board.getEnvironment().getProperty("management.server.address")).isEqualTo("127.0.0.1");
            assertThat(site.resolve("board.log")).isNotEmptyFile();
        }
    }
}
