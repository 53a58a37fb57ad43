package io.tumorboard.model.learning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.learning.bench.FusionBenchmark;
import io.tumorboard.model.learning.bench.MachinePeak;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's figures as the product report reads them; made-up numbers, no benchmark is run. */
class BenchCommandReportTest {

    @TempDir
    Path dir;

    @Test
    void everyPrintedFigureIsReportedWithWhatItIsMeasuredAgainst() throws Exception {
        FusionBenchmark.Figures measured = new FusionBenchmark.Figures(2000, 0.5, 1.0, 12.0, 40.0, 90.0, 8727,
                new MachinePeak(100.0, "test CPU: 2 cores x 2.50 GHz x 20 = 100 GFLOP/s"));
        Path file = dir.resolve("multimodal-model.json");

        BenchCommand.figures(measured, "200 cases").write(file);

        JsonNode report = new ObjectMapper().readTree(file.toFile());
        assertThat(report.get("module").asText()).isEqualTo("multimodal-model");
        assertThat(report.get("machine").asText()).endsWith("; 200 cases");
        JsonNode figures = report.get("figures");
        assertThat(figures).hasSize(6);
        assertThat(figures).allSatisfy(f -> assertThat(f.fieldNames()).toIterable().containsExactly("name", "value",
                "unit", "reference", "referenceValue", "ratio", "goal", "met"));
        JsonNode gflops = figures.get(1);
        assertThat(gflops.get("reference").asText()).contains("peak", "test CPU");
        assertThat(gflops.get("ratio").asDouble()).isEqualTo(0.005);
        JsonNode forwardP99 = figures.get(3);
        assertThat(forwardP99.get("name").asText()).contains("forward p99");
        assertThat(forwardP99.get("ratio").asDouble()).isEqualTo(1.2);
        assertThat(forwardP99.get("goal").asText()).isEqualTo("p99 < 10 ms");
        assertThat(forwardP99.get("met").asBoolean()).isFalse();
    }
}
