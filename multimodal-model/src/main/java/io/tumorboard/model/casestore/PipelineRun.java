package io.tumorboard.model.casestore;

import java.time.Instant;
import java.util.Map;

/**
 * The counts of one pipeline run. They reconcile: every record read is accepted into a case, rejected into a
 * dead letter, or skipped for a counted reason.
 *
 * @param runId identifier of the run
 * @param site the site
 * @param startedAt when the run started
 * @param finishedAt when it finished, null while it runs
 * @param recordsIn records read (lines of NDJSON and CSV, whole text reports)
 * @param accepted records folded into a case
 * @param rejected records sent to dead letters
 * @param skipped records skipped on purpose, by reason
 * @param casesWritten case versions written
 */
public record PipelineRun(
        String runId,
        String site,
        Instant startedAt,
        Instant finishedAt,
        long recordsIn,
        long accepted,
        long rejected,
        Map<String, Long> skipped,
        long casesWritten) {

    public PipelineRun {
        skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether in = accepted + rejected + skipped. */
    public boolean reconciles() {
        return recordsIn == accepted + rejected + skippedTotal();
    }
}
