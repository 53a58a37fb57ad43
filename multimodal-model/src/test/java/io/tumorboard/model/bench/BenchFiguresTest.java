package io.tumorboard.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode written(BenchFigures figures) throws Exception {
        Path file = dir.resolve("bench-output").resolve("module.json");
        figures.write(file);
        return JSON.readTree(file.toFile());
    }

    @Test
    void theReportNamesTheModuleAndTheMachineWithTheSetting() throws Exception {
        JsonNode report = written(new BenchFigures("federation", "sizes 16,64 MB"));

        assertThat(report.get("module").asText()).isEqualTo("federation");
        assertThat(report.get("machine").asText())
                .startsWith(Runtime.getRuntime().availableProcessors() + " cores, ")
                .contains(System.getProperty("os.arch"), "Java " + System.getProperty("java.version"))
                .endsWith("; sizes 16,64 MB");
        assertThat(report.get("figures").isArray()).isTrue();
    }

    @Test
    void aPlainFigureHasEveryContractFieldAndNullsForWhatItLacks() throws Exception {
        JsonNode figure = written(new BenchFigures("m", "s").plain("records/s", 1234.5, "records/s"))
                .get("figures").get(0);

        assertThat(figure.get("name").asText()).isEqualTo("records/s");
        assertThat(figure.get("value").asDouble()).isEqualTo(1234.5);
        assertThat(figure.get("unit").asText()).isEqualTo("records/s");
        for (String empty : new String[] {"reference", "referenceValue", "ratio", "goal", "met"}) {
            assertThat(figure.has(empty)).as(empty).isTrue();
            assertThat(figure.get(empty).isNull()).as(empty).isTrue();
        }
    }

    @Test
    void aFigureAgainstAReferenceCarriesTheRatioValueOverReference() throws Exception {
        JsonNode figure = written(new BenchFigures("m", "s")
                .against("job MB/s", 2.0, "MB/s", "bare Jackson readTree MB/s", 80.0)).get("figures").get(0);

        assertThat(figure.get("reference").asText()).isEqualTo("bare Jackson readTree MB/s");
        assertThat(figure.get("referenceValue").asDouble()).isEqualTo(80.0);
        assertThat(figure.get("ratio").asDouble()).isEqualTo(0.025);
        assertThat(figure.get("goal").isNull()).isTrue();
        assertThat(figure.get("met").isNull()).isTrue();
    }

    @Test
    void aFigureWithAGoalSaysWhetherItWasMet() throws Exception {
        JsonNode figure = written(new BenchFigures("m", "s")
                .goal("forward p99", 12.0, "ms", "p99 < 10 ms", false)).get("figures").get(0);

        assertThat(figure.get("goal").asText()).isEqualTo("p99 < 10 ms");
        assertThat(figure.get("met").asBoolean()).isFalse();
        assertThat(figure.get("ratio").isNull()).isTrue();
    }

    @Test
    void aFigureAgainstAReferenceAndAGoalCarriesBoth() throws Exception {
        JsonNode figure = written(new BenchFigures("m", "s").againstGoal("mTLS pull, 16 MB", 0.3, "s",
                "raw loopback socket, same bytes", 0.2, "<= 1.5 x raw socket", true)).get("figures").get(0);

        assertThat(figure.get("ratio").asDouble()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figure.get("goal").asText()).isEqualTo("<= 1.5 x raw socket");
        assertThat(figure.get("met").asBoolean()).isTrue();
    }

    @Test
    void aValueThatIsNotAFiniteNumberIsWrittenAsNullBecauseJsonHasNoNaN() throws Exception {
        JsonNode figure = written(new BenchFigures("m", "s")
                .against("achieved GFLOP/s", 0.1, "GFLOP/s", "peak unknown", Double.NaN)).get("figures").get(0);

        assertThat(figure.get("referenceValue").isNull()).isTrue();
        assertThat(figure.get("ratio").isNull()).isTrue();
        assertThat(figure.get("value").asDouble()).isEqualTo(0.1);
    }

    @Test
    void figuresKeepTheOrderTheyWereAddedIn() throws Exception {
        JsonNode figures = written(new BenchFigures("m", "s").plain("a", 1, "x").plain("b", 2, "x")
                .plain("c", 3, "x")).get("figures");

        assertThat(figures).extracting(f -> f.get("name").asText()).containsExactly("a", "b", "c");
    }
}
