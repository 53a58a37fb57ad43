package io.tumorboard.board.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.TestRegistry;
import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.demo.DemoCases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

/** The models and training-runs pages over a registry written as the federation writes it, and promotion. */
@BoardIntegrationTest
class ModelRegistryIT {

    private static final Path REGISTRY = Path.of("target/test-model-registry");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail audit;

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
        FileSystemUtils.deleteRecursively(REGISTRY.toFile());
    }

    @AfterEach
    void nothingPromotedForTheOtherTests() throws Exception {
        Files.deleteIfExists(REGISTRY.resolve("promoted"));
    }

    @Test
    void withoutARegistryThePagesSaySo() {
        BoardClient datasci = new BoardClient(port).login("datasci", TestBoard.PASSWORD);
        assertThat(datasci.get("/models").body()).contains("no-registry");
        assertThat(datasci.get("/training-runs").body()).contains("no-runs");
    }

    @Test
    void theModelsPageShowsEachVersionsLineageAndCardAndWhatABrokenOneLacks() throws Exception {
        TestRegistry.write(REGISTRY);
        Files.createDirectories(REGISTRY.resolve("broken-run/round-0001"));
        String page = new BoardClient(port).login("datasci", TestBoard.PASSWORD).get("/models").body();
        assertThat(page).contains(TestRegistry.ROUND_1, TestRegistry.ROUND_2, "FED_AVG", "site-a, site-b",
                "c_index 0.6200", "sha256:5e1f0c", "research use only", "broken-run/round-0001",
                "model package (model.zip", "none-promoted", "promote-model-fedavg-2026-12-01-round-0002");
    }

    @Test
    void theTrainingRunPageShowsConfigurationStatusChartsAndTheMetricsTable() {
        TestRegistry.write(REGISTRY);
        BoardClient datasci = new BoardClient(port).login("datasci", TestBoard.PASSWORD);
        assertThat(datasci.get("/training-runs").body()).contains(TestRegistry.RUN, "COMPLETED", "site-a, site-b");
        String run = datasci.get("/training-runs/" + TestRegistry.RUN).body();
        assertThat(run).contains("configuration.strategy", "configuration.dp.epsilon", "chart-evaluate-c_index",
                "chart-train-loss", "metrics-table", "global", "0.6600", "/webjars/chart.js/4.4.9/dist/chart.umd.js",
                "/js/training-run.js");
        assertThat(datasci.get("/training-runs/no-such-run").statusCode()).isEqualTo(404);
    }

    @Test
    void aDataScientistPromotesAVersionTheModelPanelUsesItAndTheActIsAudited() throws Exception {
        TestRegistry.write(REGISTRY);
        Files.writeString(REGISTRY.resolve("promoted"), TestRegistry.ROUND_1 + "\n");
        BoardClient datasci = new BoardClient(port).login("datasci", TestBoard.PASSWORD);
        Instant asked = Instant.now();

        HttpResponse<String> answer = datasci.post("/models/promote", Map.of("version", TestRegistry.ROUND_2));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(Files.readString(REGISTRY.resolve("promoted"))).isEqualTo(TestRegistry.ROUND_2 + "\n");
        // The browser test shares this audit log and promotes the same version: only this promotion counts here.
        assertThat(audit.forTarget("model:" + TestRegistry.ROUND_2).stream()
                .filter(e -> !e.occurredAt().isBefore(asked))).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("datasci");
            assertThat(e.action()).isEqualTo("MODEL_PROMOTE");
            assertThat(e.detail()).contains(TestRegistry.ROUND_1);
        });
        String casePage = datasci.get("/cases/" + DemoCases.all().get(0).patientCase().caseKey()).body();
        assertThat(casePage).contains(TestRegistry.ROUND_2).doesNotContain("No model promoted yet");
    }

    @Test
    void aVersionThatIsNotPromotableIsRefusedAndThePointerKept() throws Exception {
        TestRegistry.write(REGISTRY);
        Files.createDirectories(REGISTRY.resolve("broken-run/round-0001"));
        Files.writeString(REGISTRY.resolve("promoted"), TestRegistry.ROUND_1 + "\n");
        BoardClient admin = new BoardClient(port).login("admin", TestBoard.PASSWORD);
        assertThat(admin.post("/models/promote", Map.of("version", "broken-run/round-0001")).statusCode())
                .isEqualTo(400);
        assertThat(admin.post("/models/promote", Map.of("version", "../../etc")).statusCode()).isEqualTo(400);
        assertThat(Files.readString(REGISTRY.resolve("promoted"))).isEqualTo(TestRegistry.ROUND_1 + "\n");
        assertThat(audit.forTarget("model:broken-run/round-0001")).isEmpty();
    }
}
