package io.tumorboard.model.rules.evaluation;

import static io.tumorboard.model.rules.CaseFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.CaseCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateFlagsCommandTest {

    @TempDir
    Path dir;

    @Test
    void readsCaseFilesAndTruthFolderAndPrintsScores() throws IOException {
        Path cases = dir.resolve("expected-cases.jsonl");
        new CaseCodec(CaseCodec.UnknownFields.REJECT).write(cases, List.of(
                patient("k1").clinicalStage("T2a", "N2", "M0", "IIB", AjccEdition.EIGHTH, 0).build(),
                patient("k2").clinicalStage("T1a", "N0", "M0", "IA1", AjccEdition.EIGHTH, 0).build()));
        Path site = Files.createDirectories(dir.resolve("truth/site-a"));
        Files.writeString(site.resolve("discrepancies.jsonl"), """
                {"caseKey":"k1","type":"STAGE_GROUP_INCONSISTENT","descriptor":"stage group","injected":"IIB"}
                {"caseKey":"k2","type":"EXPECTED_RESTAGING","descriptor":"T"}
                """);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new EvaluateFlagsCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--cases", cases.toString(), "--truth", dir.resolve("truth").toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("2 cases").contains("background (expected re-staging): 1 in truth")
                .containsPattern("STAGE_GROUP_INCONSISTENT\\s+1\\s+0\\s+0\\s+1\\.000\\s+1\\.000");
    }

    @Test
    void aTruthLineWithAnUnknownTypeIsRefusedNamingFileAndLine() throws IOException {
        Path file = dir.resolve("discrepancies.jsonl");
        Files.writeString(file, "{\"caseKey\":\"k1\",\"type\":\"STAGE_GROUP_INCONSISTENT\"}\n"
                + "{\"caseKey\":\"k1\",\"type\":\"NO_SUCH_FLAG\"}\n");
        assertThatThrownBy(() -> new TruthReader().read(dir)).hasMessageContaining("discrepancies.jsonl line 2")
                .hasMessageContaining("NO_SUCH_FLAG");
    }

    @Test
    void aTruthLineWithoutCaseKeyOrATruthFolderWithoutFilesIsRefused() throws IOException {
        assertThatThrownBy(() -> new TruthReader().read(dir)).hasMessageContaining("no discrepancies.jsonl");
        Files.writeString(dir.resolve("discrepancies.jsonl"), "{\"type\":\"HISTOLOGY_CONFLICT\"}\n");
        assertThatThrownBy(() -> new TruthReader().read(dir)).hasMessageContaining("line 1: no caseKey");
    }
}
