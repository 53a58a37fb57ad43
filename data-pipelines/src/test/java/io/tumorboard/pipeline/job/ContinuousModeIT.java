package io.tumorboard.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.pipeline.sink.StoreConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuous mode: a file dropped into a watched folder ends up in the patient's next case version. */
class ContinuousModeIT {

    @TempDir
    Path work;

    /**
     * Checkpoints every hour, so none happens during the test: the case store's writer must commit its batches
     * on its own (size or linger), not only at the flush before a checkpoint barrier.
     */
    @Test
    void aNewFileInTheExportFolderUpdatesItsPatientsCaseWithoutWaitingForACheckpoint() throws Exception {
        Path site = work.resolve("site-a");
        Files.createDirectories(site.resolve("fhir"));
        Files.copy(BoundedRunIT.SITE.resolve("fhir/Patient.ndjson"), site.resolve("fhir/Patient.ndjson"));
        PipelineSettings settings = new PipelineSettings(site, "site-a",
                "tumorboard-demo-secret-site-a".getBytes(StandardCharsets.UTF_8), work.resolve("out"),
                new StoreConnection("jdbc:h2:file:" + work.resolve("db").toAbsolutePath(), "sa", ""), "live",
                Duration.ofMillis(200), Duration.ofMinutes(5), 1, Duration.ofHours(1), null, null);
        StreamExecutionEnvironment env = PipelineRunner.environment(settings);
        new PipelineRunner(BoundedRunIT.contrastAllergyMarker()).build(env, settings);
        JobClient job = env.executeAsync("continuous test");
        try {
            List<Long> latencies = new LatencyProbe(settings).measure(3, 60_000);
            assertThat(latencies).hasSize(3).allSatisfy(ms -> assertThat(ms).isPositive());
        } finally {
            job.cancel().get();
            try {
                // Cancelling is acknowledged before the tasks have stopped writing into the temporary folder,
                // whose deletion then failed now and then ("Failed to delete temp directory").
                job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException cancelled) {
                // the expected end of a cancelled job
            }
        }
    }
}
