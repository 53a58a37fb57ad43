package io.tumorboard.board.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@BoardIntegrationTest
class MonitoringIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusReadsTheBoardsGaugesOnTheLoopbackManagementPortWithoutABoardAccount() throws Exception {
        TestBoard.prepare(context);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("(?m)^board_cases_current [1-9]")
                .contains("board_pipeline_dead_letters", "board_decisions_unsigned", "jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void thePublicPortServesNoMetricsAndTheManagementPortNothingElse() throws Exception {
        assertThat(get(port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
        assertThat(get(managementPort, "/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(get(managementPort, "/api/cases").statusCode()).isNotEqualTo(200);
    }
}
