package io.tumorboard.federation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.federation.bench.TransferBench;
import io.tumorboard.model.bench.BenchFigures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's figures as the product report reads them; made-up measurements, nothing is run. */
class BenchCommandReportTest {

    @TempDir
    Path dir;

    private JsonNode written(BenchFigures figures) throws Exception {
        Path file = dir.resolve("federation.json");
        figures.write(file);
        return new ObjectMapper().readTree(file.toFile()).get("figures");
    }

    @Test
    void thePullAndThePushAreMeasuredAgainstTheRawSocketWithTheirFloorsAndTheHeapAgainstTheModelEachWithItsGoal()
            throws Exception {
        BenchFigures figures = new BenchFigures("federation", "16 MB");
        BenchCommand.transfer(figures, 16, new TransferBench.Figures(16_000_000, 0.1, 0.2, 0.4, 0.6, 0.25, 0.8, 10_000_000,
                42_000_000, 90_000_000, 40_000_000));

        JsonNode f = written(figures);

        assertThat(f).hasSize(10);
        assertThat(f.get(0).get("ratio").asDouble()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.get(0).get("goal").asText()).isEqualTo("<= 1.5 x raw socket");
        assertThat(f.get(0).get("met").asBoolean()).isFalse();
        assertThat(f.get(1).get("name").asText()).contains("mutual-TLS socket copy", "no HTTP/2");
        assertThat(f.get(1).get("ratio").asDouble()).isEqualTo(2.0);
        assertThat(f.get(2).get("name").asText()).contains("bare gRPC stream", "same mutual TLS");
        assertThat(f.get(2).get("reference").asText()).contains("raw loopback socket");
        assertThat(f.get(2).get("ratio").asDouble()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.get(3).get("reference").asText()).contains("mutual-TLS socket copy");
        assertThat(f.get(3).get("ratio").asDouble()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.get(4).get("reference").asText()).contains("bare gRPC stream");
        assertThat(f.get(4).get("ratio").asDouble()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.get(5).get("name").asText()).contains("push", "acceptance");
        assertThat(f.get(5).get("ratio").asDouble()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.get(5).get("goal").asText()).isEqualTo("<= 1.5 x raw socket");
        assertThat(f.get(5).get("met").asBoolean()).isFalse();
        assertThat(f.get(6).get("value").asDouble()).isEqualTo(0.8);
        assertThat(f.get(7).get("value").asDouble()).isEqualTo(32.0);
        assertThat(f.get(7).get("referenceValue").asDouble()).isEqualTo(16.0);
        assertThat(f.get(7).get("ratio").asDouble()).isEqualTo(2.0);
        assertThat(f.get(7).get("met").asBoolean()).isTrue();
        assertThat(f.get(8).get("name").asText()).contains("listening server", "model excluded");
        assertThat(f.get(8).get("value").asDouble()).as("40 - 10 - 16 MB").isEqualTo(14.0);
        assertThat(f.get(9).get("name").asText()).contains("garbage included");
        assertThat(f.get(9).get("ratio").asDouble()).isEqualTo(5.0);
    }

    @Test
    void aggregationIsMeasuredAgainstAMemoryCopyAndHundredSitesAgainstThree() throws Exception {
        BenchFigures figures = new BenchFigures("federation", "s");
        BenchCommand.aggregation(figures, 64, 3000, 450, 15000);
        BenchCommand.overhead(figures, 3, 27, 73, 457L << 20, 27);
        BenchCommand.overhead(figures, 100, 135, 231, 1304L << 20, 27);

        JsonNode f = written(figures);

        assertThat(f).allSatisfy(x -> assertThat(x.fieldNames()).toIterable().containsExactly("name", "value",
                "unit", "reference", "referenceValue", "ratio", "goal", "met"));
        assertThat(f.get(0).get("ratio").asDouble()).isEqualTo(0.2);
        assertThat(f.get(1).get("ratio").asDouble()).isEqualTo(0.03);
        assertThat(f.get(2).get("reference").isNull()).isTrue();
        assertThat(f.get(4).get("value").asDouble()).isEqualTo(457.0);
        assertThat(f.get(5).get("name").asText()).contains("100 in-process sites");
        assertThat(f.get(5).get("ratio").asDouble()).isEqualTo(5.0);
    }
}
