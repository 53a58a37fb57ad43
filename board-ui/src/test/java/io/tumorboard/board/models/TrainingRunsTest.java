package io.tumorboard.board.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunsTest {

    @TempDir
    Path root;

    private TrainingRuns runs() {
        return new TrainingRuns(new ModelRegistry(new ModelRegistryProperties(root)));
    }

    @Test
    void aRunShowsItsStatusSitesAndFlattenedConfiguration() {
        TestRegistry.write(root);
        TrainingRun run = runs().run(TestRegistry.RUN).orElseThrow();
        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.started()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(run.finished()).isEqualTo("2026-12-01T08:20:00Z");
        assertThat(run.sites()).containsExactly("site-a", "site-b");
        assertThat(run.rounds()).isEqualTo(2);
        assertThat(run.configuration()).containsEntry("configuration.strategy", "FED_AVG")
                .containsEntry("configuration.dp.epsilon", "8.000").doesNotContainKey("status");
        assertThat(runs().run("no-such-run")).isEmpty();
    }

    @Test
    void metricLinesAreReadAndRoundSummariesAndCutLinesSkipped() throws Exception {
        TestRegistry.write(root);
        Path file = root.resolve(TestRegistry.RUN).resolve("metrics.jsonl");
        Files.writeString(file, Files.readString(file) + "{\"run\": \"x\", \"round\": 3, \"si");
        List<RoundMetric> metrics = runs().metrics(TestRegistry.RUN);
        assertThat(metrics).hasSize(10);
        RoundMetric global = metrics.stream().filter(m -> m.site().equals("global") && m.round() == 2).findFirst()
                .orElseThrow();
        assertThat(global.phase()).isEqualTo("evaluate");
        assertThat(global.examples()).isEqualTo(20);
        assertThat(global.metrics().get("c_index")).isEqualTo(0.66, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theFederationsFirstJournalFormWithKindInsteadOfPhaseIsRead() {
        RoundMetric m = TrainingRuns.metric("{\"type\":\"site\",\"run\":\"r\",\"round\":4,\"site\":\"hospital-a\","
                + "\"kind\":\"TRAIN\",\"examples\":120,\"metrics\":{\"loss\":0.71},\"dp_epsilon\":0.0}").orElseThrow();
        assertThat(m.phase()).isEqualTo("train");
        assertThat(m.round()).isEqualTo(4);
        assertThat(m.cell("loss")).isEqualTo("0.7100");
        assertThat(m.cell("auc")).isEmpty();
    }

    @Test
    void theChartHasOneSeriesPerSiteForEachPhaseAndMetric() {
        TestRegistry.write(root);
        RunChart chart = RunChart.of(runs().metrics(TestRegistry.RUN));
        assertThat(chart.charts()).extracting(RunChart.Series::phase, RunChart.Series::metric)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("evaluate", "c_index"),
                        org.assertj.core.groups.Tuple.tuple("train", "loss"));
        assertThat(chart.charts().get(0).json()).contains("\"rounds\":[1,2]", "\"global\":[0.61,0.66]",
                "\"site-a\":[0.6,0.65]");
        assertThat(chart.metricNames()).containsExactly("c_index", "loss");
        assertThat(chart.rows()).hasSize(10);
    }
}
