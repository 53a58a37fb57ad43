package io.tumorboard.board.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProductBenchReportTest {

    @TempDir
    Path dir;

    @Test
    void everyModulesFiguresStandBesideTheirReferenceInOneReport() throws Exception {
        Files.writeString(dir.resolve("federation.json"), """
                {"module": "federation", "machine": "2 cores",
                 "figures": [{"name": "bytes sent per round / raw model size", "value": 1.2, "unit": "x",
                              "reference": "raw fp32 model", "referenceValue": 1048576, "ratio": 1.2,
                              "goal": "<= 1.5x", "met": true}]}""");
        Files.writeString(dir.resolve("board-ui.json"), """
                {"module": "board-ui", "figures": [{"name": "case page p99 | 50 users", "value": 240.5, "unit": "ms",
                 "reference": "goal 100 ms", "referenceValue": 100, "ratio": 2.405, "goal": "< 100 ms", "met": false}]}""");

        int exit = new CommandLine(new ProductBenchReport()).execute("--in", dir.toString());

        String report = Files.readString(dir.resolve("REPORT.md"));
        assertThat(exit).isZero();
        assertThat(report).contains("## board-ui", "## federation", "Machine: 2 cores", "cores, ");
        assertThat(report).contains("| bytes sent per round / raw model size | 1.200 | x | raw fp32 model | 1.049e+06 "
                + "| 1.200 | <= 1.5x | yes |");
        assertThat(report).contains("| case page p99 \\| 50 users | 240.5 | ms | goal 100 ms | 100.0 | 2.405 "
                + "| < 100 ms | **no** |");
    }

    @Test
    void anEmptyFolderIsRefusedWithWhatToRun() {
        assertThat(new CommandLine(new ProductBenchReport()).execute("--in", dir.toString())).isEqualTo(1);
        assertThat(dir.resolve("REPORT.md")).doesNotExist();
    }
}
