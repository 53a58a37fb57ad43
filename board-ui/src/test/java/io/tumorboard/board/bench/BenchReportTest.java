package io.tumorboard.board.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.bench.BenchFigures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load figures as the product report reads them; made-up results, no server is started. */
class BenchReportTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheP99AtFiftyUsersIsMeasuredAgainstTheGoalAndErrorsAppearOnlyWhenThereAreSome() throws Exception {
        Path file = dir.resolve("board-ui.json");

        BenchReport.write(file, "demo cases", true, List.of(new LoadResult(1, 100, 0, 10, 5, 9, 2.5, 1.0),
                new LoadResult(50, 1000, 3, 10, 40, 150, 2.0, 1.0)));

        JsonNode report = new ObjectMapper().readTree(file.toFile());
        assertThat(report.get("module").asText()).isEqualTo("board-ui");
        assertThat(report.get("machine").asText()).endsWith("; demo cases");
        JsonNode figures = report.get("figures");
        assertThat(figures).extracting(f -> f.get("name").asText()).containsExactly(
                "case page requests/s at 1 users", "case page p50 at 1 users", "case page p99 at 1 users",
                "case page CPU per request at 1 users (workbench and load generator)", "load average during 1 users",
                "case page requests/s at 50 users", "case page p50 at 50 users", "case page p99 at 50 users",
                "case page CPU per request at 50 users (workbench and load generator)", "load average during 50 users",
                "case page errors at 50 users");
        assertThat(figures.get(2).get("goal").isNull()).isTrue();
        JsonNode p99 = figures.get(7);
        assertThat(p99.get("value").asDouble()).isEqualTo(150.0);
        assertThat(p99.get("referenceValue").asDouble()).isEqualTo(100.0);
        assertThat(p99.get("ratio").asDouble()).isEqualTo(1.5);
        assertThat(p99.get("met").asBoolean()).isFalse();
        assertThat(figures.get(5).get("value").asDouble()).isEqualTo(100.0);
    }

    @Test
    void theCpuFigureSaysTheWorkbenchIsAloneWhenTheLoadComesFromAnotherProcess() {
        assertThat(BenchReport.figures("demo cases", false, List.of(new LoadResult(50, 1000, 0, 10, 40, 90, 1.8,
                1.0))).figures()).extracting(BenchFigures.Figure::name)
                .contains("case page CPU per request at 50 users (workbench alone)")
                .noneMatch(name -> name.contains("load generator"));
    }
}
