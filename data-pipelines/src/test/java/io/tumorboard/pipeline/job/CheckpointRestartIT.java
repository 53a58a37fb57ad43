package io.tumorboard.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.cohort.CohortGenerator;
import io.tumorboard.pipeline.cohort.CohortSettings;
import io.tumorboard.pipeline.sink.StoreConnection;
import io.tumorboard.model.rules.ClinicalRules;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL mid-way (its Observation export half read through a named pipe) and restarted from its last retained checkpoint produces the same cases as an
 * uninterrupted run. The killed run is a separate JVM running the run command, so nothing of it survives but
 * its checkpoint folder, its case store and its output files.
 */
class CheckpointRestartIT {

    static final String SITE = "hospital-a";

    @TempDir
    Path work;

    @Test
    void aRunKilledMidwayAndRestartedFromItsCheckpointGivesTheSameCases() throws Exception {
        new CohortGenerator(FhirContext.forR4Cached())
                .generate(new CohortSettings(List.of(SITE), 150, 5L, work.resolve("cohort")), () -> { });
        Path site = work.resolve("cohort").resolve(SITE);
        addRepeatedMeasurements(site.resolve("fhir/Observation.ndjson"), 15);
        // The Observation export arrives through a named pipe: the test writes its first half and holds the rest
        // back, so the killed run is certainly mid-export, whatever the machine's speed.
        Path observations = site.resolve("fhir/Observation.ndjson");
        Path full = work.resolve("Observation-full.ndjson");
        Files.move(observations, full);
        assumeTrue(new ProcessBuilder("mkfifo", observations.toString()).start().waitFor() == 0,
                "mkfifo is not available here: the kill-and-restart test needs a named pipe");
        List<String> lines = Files.readAllLines(full, StandardCharsets.ISO_8859_1);
        int half = lines.size() / 2;
        Thread writer = new Thread(() -> writeAndHold(observations, lines.subList(0, half)));
        writer.setDaemon(true);
        writer.start();

        // WRITE_DELAY=0: H2 otherwise keeps the last second of commits in memory, and SIGKILL would lose them.
        String killedUrl = "jdbc:h2:file:" + work.resolve("killed/db").toAbsolutePath() + ";WRITE_DELAY=0";
        Path checkpoints = work.resolve("killed/checkpoints");
        Process child = new ProcessBuilder(javaBin(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.tumorboard.pipeline.cli.PipelineCommand", "--input", site.toString(), "--site", SITE,
                "--out", work.resolve("killed/out").toString(), "--jdbc-url", killedUrl,
                "--checkpoint-dir", checkpoints.toString(), "--checkpoint-interval", "PT0.2S", "--run-id", "kill-run")
                .redirectErrorStream(true).redirectOutput(work.resolve("killed.log").toFile()).start();
        waitForRecords(work.resolve("killed.log"), child, half, 120_000);
        long seen = newestCheckpoint(checkpoints).map(CheckpointRestartIT::number).orElse(0L);
        Optional<Path> checkpoint = waitForCheckpointAfter(checkpoints, seen, child, 120_000);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        Files.delete(observations);
        Files.copy(full, observations);
        assertThat(checkpoint).as("a checkpoint completed before the kill; the killed run's log ends with: %s",
                tail(work.resolve("killed.log"))).isPresent();

        try (CaseStore killed = new StoreConnection(killedUrl, "sa", "").open()) {
            assertThat(killed.currentCases(SITE)).as("the kill came before the end of the run").hasSizeLessThan(150);
        }

        PipelineSettings restart = settings(site, work.resolve("killed/out"), killedUrl, "kill-run",
                checkpoint.get().toUri().toString());
        var restored = new PipelineRunner(rules()).runBounded(restart, n -> { });

        String referenceUrl = "jdbc:h2:file:" + work.resolve("reference/db").toAbsolutePath();
        var uninterrupted = new PipelineRunner(rules()).runBounded(settings(site, work.resolve("reference/out"),
                referenceUrl, "ref", null), n -> { });
        System.out.printf("checkpoint %s; records read after the restore: %d of %d%n", checkpoint.get().getFileName(),
                restored.recordsIn(), uninterrupted.recordsIn());
        assertThat(restored.recordsIn()).as("the restart resumed from the checkpoint, not from the start")
                .isLessThan(uninterrupted.recordsIn());

        try (CaseStore killed = new StoreConnection(killedUrl, "sa", "").open();
             CaseStore reference = new StoreConnection(referenceUrl, "sa", "").open()) {
            List<PatientCase> expected = reference.currentCases(SITE);
            assertThat(expected).hasSizeGreaterThan(140);
            assertThat(killed.currentCases(SITE)).isEqualTo(expected);
        }
    }

    /**
     * Makes the export long enough to be killed in the middle: every well-formed eGFR and ECOG Observation is
     * repeated as new measurements (new ids), as a hospital's follow-up visits would add them.
     */
    private static void addRepeatedMeasurements(Path observations, int repeats) throws Exception {
        List<String> lines = Files.readAllLines(observations, StandardCharsets.ISO_8859_1);
        List<String> more = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            for (String line : lines) {
                if ((line.contains("\"62238-1\"") || line.contains("\"89247-1\"")) && line.contains("\"id\":\"")
                        && !line.contains("-m")) {
                    more.add(line.replaceFirst("\"id\":\"([^\"]+)\"", "\"id\":\"$1-visit" + r + "\""));
                }
            }
        }
        Files.write(observations, more, StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
    }

    private static PipelineSettings settings(Path site, Path out, String url, String runId, String restoreFrom) {
        return new PipelineSettings(site, SITE, ("tumorboard-demo-secret-" + SITE).getBytes(StandardCharsets.UTF_8),
                out, new StoreConnection(url, "sa", ""), runId, null, Duration.ofMinutes(1), 2,
                Duration.ofSeconds(1), null, restoreFrom);
    }

    private static CaseRules rules() {
        return CaseRules.of(() -> new ClinicalRules()::evaluate);
    }

    private static void writeAndHold(Path fifo, List<String> lines) {
        try (var out = Files.newOutputStream(fifo)) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } catch (Exception killedReader) {
            // The reader was killed: the rest of the export never comes through this pipe.
        }
    }

    /** Waits until the child's progress bar shows at least {@code records} read. */
    private static void waitForRecords(Path log, Process child, long records, long timeoutMillis) throws Exception {
        Pattern progress = Pattern.compile("(\\d+)/(\\d+) records");
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline && child.isAlive()) {
            Matcher m = progress.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "");
            long read = 0;
            while (m.find()) {
                read = Long.parseLong(m.group(1));
            }
            if (read >= records) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /** The first completed checkpoint ({@code chk-N} with its {@code _metadata}) newer than {@code after}. */
    private static Optional<Path> waitForCheckpointAfter(Path folder, long after, Process child, long timeoutMillis)
            throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline && child.isAlive()) {
            Optional<Path> newest = newestCheckpoint(folder);
            if (newest.isPresent() && number(newest.get()) > after) {
                return newest;
            }
            Thread.sleep(10);
        }
        return Optional.empty();
    }

    private static Optional<Path> newestCheckpoint(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Path> done = new ArrayList<>();
        // Flink creates and renames files in there while we look: a walk that meets a vanished temp file fails,
        // so this reads only the job folders and their chk-N folders, and a folder gone mid-look is "not yet".
        try (Stream<Path> jobs = Files.list(folder)) {
            for (Path job : jobs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> chks = Files.list(job)) {
                    chks.filter(c -> c.getFileName().toString().matches("chk-\\d+"))
                            .filter(c -> Files.exists(c.resolve("_metadata"))).forEach(done::add);
                }
            }
        } catch (NoSuchFileException | UncheckedIOException vanished) {
            return Optional.empty();
        }
        return done.stream().max((a, b) -> Long.compare(number(a), number(b)));
    }

    private static String tail(Path log) throws Exception {
        String all = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1).replace('\r', '\n') : "";
        return all.substring(Math.max(0, all.length() - 3000));
    }

    private static long number(Path chk) {
        return Long.parseLong(chk.getFileName().toString().replace("chk-", ""));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\'
                ? ".exe" : "");
    }
}
