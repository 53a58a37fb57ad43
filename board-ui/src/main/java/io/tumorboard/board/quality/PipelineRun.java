package io.tumorboard.board.quality;

import java.time.Instant;

/** One pipeline run with its record counts (records, not cases, except {@code casesWritten}). */
public record PipelineRun(String runId, String site, Instant startedAt, Instant finishedAt, long recordsIn,
        long accepted, long rejected, long skipped, long casesWritten) {
}
