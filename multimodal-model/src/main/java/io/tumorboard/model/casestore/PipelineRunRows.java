package io.tumorboard.model.casestore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a pipeline run's counts ({@code pipeline_run} and its {@code skipped_count} reasons), written and read
 * within the caller's transaction: {@link CaseStore} commits or rolls back around them.
 */
final class PipelineRunRows {

    private PipelineRunRows() {
    }

    /** Writes a started run's final counts (finished {@code now} unless they say when), replacing earlier ones. */
    static void finish(Connection connection, PipelineRun counts, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE pipeline_run SET finished_at = ?, "
                + "records_in = ?, records_accepted = ?, records_rejected = ?, records_skipped = ?, "
                + "cases_written = ? WHERE run_id = ?");
             PreparedStatement clear = connection.prepareStatement("DELETE FROM skipped_count WHERE run_id = ?");
             PreparedStatement skip = connection.prepareStatement(
                     "INSERT INTO skipped_count (run_id, reason, record_count) VALUES (?, ?, ?)")) {
            update.setTimestamp(1, Timestamp.from(counts.finishedAt() == null ? now : counts.finishedAt()));
            update.setLong(2, counts.recordsIn());
            update.setLong(3, counts.accepted());
            update.setLong(4, counts.rejected());
            update.setLong(5, counts.skippedTotal());
            update.setLong(6, counts.casesWritten());
            update.setString(7, counts.runId());
            if (update.executeUpdate() == 0) {
                throw new SQLException("run " + counts.runId() + " was never started");
            }
            clear.setString(1, counts.runId());
            clear.executeUpdate();
            for (Map.Entry<String, Long> reason : counts.skipped().entrySet()) {
                skip.setString(1, counts.runId());
                skip.setString(2, reason.getKey());
                skip.setLong(3, reason.getValue());
                skip.addBatch();
            }
            skip.executeBatch();
        }
    }

    /** A run's counts, if it was started. */
    static Optional<PipelineRun> read(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT site, started_at, finished_at, "
                + "records_in, records_accepted, records_rejected, cases_written FROM pipeline_run WHERE run_id = ?");
             PreparedStatement skips = connection.prepareStatement(
                     "SELECT reason, record_count FROM skipped_count WHERE run_id = ? ORDER BY reason")) {
            query.setString(1, runId);
            skips.setString(1, runId);
            Map<String, Long> skipped = new LinkedHashMap<>();
            try (ResultSet rows = skips.executeQuery()) {
                while (rows.next()) {
                    skipped.put(rows.getString(1), rows.getLong(2));
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new PipelineRun(runId, rows.getString(1),
                        instant(rows.getTimestamp(2)), instant(rows.getTimestamp(3)), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6), skipped, rows.getLong(7))) : Optional.empty();
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
