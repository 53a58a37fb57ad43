package io.tumorboard.pipeline.job;

import io.tumorboard.pipeline.sink.StoreConnection;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything one run needs.
 *
 * @param siteFolder the site's export folder
 * @param site the site's name
 * @param siteSecret the secret of the site's pseudonymous keys (at least 16 bytes)
 * @param outputFolder where {@code cases/} and {@code dead-letters/} are written
 * @param store the case store
 * @param runId identifier of the run (a restarted run keeps its id, so its rows stay idempotent)
 * @param watchEvery null for a bounded run; otherwise the interval to look for new files (continuous mode)
 * @param patientWait continuous mode: how long a record waits for its Patient before it is a dead letter
 * @param parallelism Flink parallelism
 * @param checkpointInterval checkpoint interval
 * @param checkpointFolder where checkpoints are kept (retained on cancellation); null for
 *     {@code <outputFolder>/checkpoints}. Never the JobManager's memory: its 5 MB limit is outgrown by a
 *     400-patient site's keyed state (6 MB measured), which failed every checkpoint and then the job
 * @param restoreFrom a checkpoint to restore from, null to start fresh
 */
public record PipelineSettings(
        Path siteFolder,
        String site,
        byte[] siteSecret,
        Path outputFolder,
        StoreConnection store,
        String runId,
        Duration watchEvery,
        Duration patientWait,
        int parallelism,
        Duration checkpointInterval,
        Path checkpointFolder,
        String restoreFrom) {

    public PipelineSettings {
        if (checkpointFolder == null && outputFolder != null) {
            checkpointFolder = outputFolder.resolve("checkpoints");
        }
    }

    public boolean bounded() {
        return watchEvery == null;
    }
}
