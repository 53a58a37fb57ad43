package io.tumorboard.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The example site configuration shipped in data-pipelines/config starts a real run. */
class PipelineConfigExampleIT {

    static final Path EXAMPLE = Path.of("config/pipeline-site.properties");
    static final Path EXPORT = Path.of("src/test/resources/export/site-a");

    @TempDir
    Path work;

    @Test
    void everyOptionOfTheExampleIsReadAndTheCommandLineWins() {
        String[] args = {"--config", EXAMPLE.toString(), "--site", "site-a"};
        CommandLine commandLine = PipelineCommand.commandLine(args);
        commandLine.parseArgs(args);
        PipelineCommand command = commandLine.getCommand();

        assertThat(command.site).isEqualTo("site-a");
        assertThat(command.input).isEqualTo(Path.of("/srv/tumorboard/exports/latest"));
        assertThat(command.out).isEqualTo(Path.of("/var/lib/tumorboard/pipeline"));
        assertThat(command.jdbcUrl).isEqualTo("jdbc:postgresql://localhost:5432/tumorboard");
        assertThat(command.jdbcUser).isEqualTo("tumorboard");
        assertThat(command.jdbcPasswordEnv).isEqualTo("CASESTORE_PASSWORD");
        assertThat(command.siteSecretFile).isEqualTo(Path.of("/etc/tumorboard/site-secret"));
        assertThat(command.parallelism).isEqualTo(2);
        assertThat(command.checkpointInterval).isEqualTo(Duration.ofSeconds(5));
        assertThat(command.checkpointDir).isEqualTo(Path.of("/var/lib/tumorboard/pipeline/checkpoints"));
        assertThat(command.continuous).isFalse();
        assertThat(command.watchInterval).isEqualTo(Duration.ofSeconds(10));
        assertThat(command.patientWait).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aSiteRunsFromTheExampleWithItsOwnFoldersAndCaseStore() throws Exception {
        Path secret = Files.writeString(work.resolve("site-secret"), "a-test-secret-of-32-characters!!");
        String[] args = {"--config", EXAMPLE.toString(), "--site", "site-a", "--input", EXPORT.toString(),
                "--out", work.resolve("out").toString(), "--checkpoint-dir", work.resolve("out/checkpoints").toString(),
                "--jdbc-url", "jdbc:h2:file:" + work.resolve("casestore/cases").toAbsolutePath(),
                "--jdbc-user", "sa", "--site-secret-file", secret.toString()};

        int status = PipelineCommand.commandLine(args).execute(args);

        assertThat(status).as("exit status: 0 when the run's counts reconcile").isZero();
        List<PatientCase> cases;
        try (Stream<Path> files = Files.list(work.resolve("out/cases"))) {
            cases = files.filter(f -> f.toString().endsWith(".jsonl"))
                    .flatMap(f -> new CaseCodec(CaseCodec.UnknownFields.REJECT).read(f).stream()).toList();
        }
        assertThat(cases).isNotEmpty().allSatisfy(c -> assertThat(c.site()).isEqualTo("site-a"));
    }

    @Test
    void aMissingConfigurationFileIsNamed() {
        String[] args = {"--config", work.resolve("absent.properties").toString()};
        assertThatThrownBy(() -> PipelineCommand.commandLine(args)).hasMessageContaining("absent.properties");
    }
}
