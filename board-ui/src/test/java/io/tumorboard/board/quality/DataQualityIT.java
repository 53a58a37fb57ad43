package io.tumorboard.board.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data-quality page over the pipeline's tables, the chart library WebJar, and the OpenAPI docs. */
@BoardIntegrationTest
class DataQualityIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void pipelineRunsAsThePipelineWritesThem() {
        TestBoard.prepare(context);
        if (jdbc.sql("SELECT COUNT(*) FROM pipeline_run WHERE run_id = 'run-dq-1'").query(Integer.class).single() > 0) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.parse("2026-11-20T08:00:00Z"));
        for (String run : new String[] {"run-dq-1", "run-dq-2"}) {
            jdbc.sql("""
                    INSERT INTO pipeline_run (run_id, site, started_at, finished_at, records_in, records_accepted,
                      records_rejected, records_skipped, cases_written) VALUES (:r, 'site-dq', :t, :t, 120, 110, 4, 6, 30)
                    """).param("r", run).param("t", now).update();
        }
        jdbc.sql("""
                INSERT INTO dead_letter (run_id, site, source_file, line_number, reason_code, reason, raw_base64)
                VALUES ('run-dq-1', 'site-dq', 'fhir/bundle-17.ndjson', 42, 'BAD_DATE',
                  'Observation/obs-9: effectiveDateTime 2026-13-01 is not a date', 'eyJ4IjoxfQ==')
                """).update();
        jdbc.sql("INSERT INTO skipped_count (run_id, reason, record_count) VALUES ('run-dq-1', 'unknown resource type Basic', 6)")
                .update();
    }

    @Test
    void theDataQualityPageShowsRunCountsPerSiteDeadLettersAndSkippedCounts() {
        String page = new BoardClient(port).login("datasci", TestBoard.PASSWORD).get("/data-quality").body();
        assertThat(page).contains("site-dq", "240", "220", "BAD_DATE", "fhir/bundle-17.ndjson",
                "effectiveDateTime 2026-13-01 is not a date", "unknown resource type Basic");
        assertThat(page).doesNotContain("eyJ4IjoxfQ==");
    }

    @Test
    void theChartLibraryIsServedByTheAppFromItsWebJarWithoutSignIn() {
        assertThat(new BoardClient(port).get("/webjars/chart.js/4.4.9/dist/chart.umd.js").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theRestApiIsDocumentedWithOpenApi() {
        String docs = new BoardClient(port).login("datasci", TestBoard.PASSWORD).get("/v3/api-docs").body();
        assertThat(docs).contains("\"openapi\"", "/api/cases/{key}", "/api/meetings/{id}/agenda",
                "/api/decisions/{id}/fhir");
    }
}
