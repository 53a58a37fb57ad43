package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCohortCommandTest {

    @Test
    void sitesCanBeNamedAndTheSummaryNamesThem(@TempDir Path out) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new GenerateCohortCommand()).setErr(new PrintWriter(err))
                .execute("--sites", "hospital-x", "--patients", "20", "--seed", "5", "--out", out.toString());

        assertThat(exit).isZero();
        assertThat(out.resolve("hospital-x/fhir/Patient.ndjson")).isRegularFile();
        assertThat(out.resolve("truth/hospital-x/discrepancies.jsonl")).isRegularFile();
    }

    @Test
    void badSettingsAreRefusedWithTheReasonAndNoStackTrace(@TempDir Path out) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new GenerateCohortCommand()).setErr(new PrintWriter(err))
                .execute("--sites", "Hospital A", "--patients", "20", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("site name 'Hospital A'").doesNotContain("\tat ");
    }

    @Test
    void tooFewPatientsAreRefusedBeforeAnythingIsWritten(@TempDir Path out) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new GenerateCohortCommand()).setErr(new PrintWriter(err))
                .execute("--patients", "5", "--out", out.resolve("cohort").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("patients per site must be 20..200000");
        assertThat(out.resolve("cohort")).doesNotExist();
    }
}
