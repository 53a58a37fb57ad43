package io.tumorboard.board.quality;

import io.tumorboard.board.store.MigratedSchemas;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the pipeline's {@code pipeline_run}, {@code dead_letter} and {@code skipped_count} tables. */
@Repository
class DataQualityRepository {

    private static final int NEWEST = 200;

    private final JdbcClient jdbc;

    DataQualityRepository(JdbcClient jdbc, MigratedSchemas migrated) {
        this.jdbc = jdbc;
    }

    List<SiteTotals> totalsPerSite() {
        return jdbc.sql("""
                SELECT site, COUNT(*), SUM(records_in), SUM(records_accepted), SUM(records_rejected),
                  SUM(records_skipped), SUM(cases_written)
                FROM pipeline_run GROUP BY site ORDER BY site
                """).query((rs, n) -> new SiteTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7))).list();
    }

    List<PipelineRun> runs() {
        return jdbc.sql("""
                SELECT run_id, site, started_at, finished_at, records_in, records_accepted, records_rejected,
                  records_skipped, cases_written FROM pipeline_run ORDER BY started_at DESC
                """).query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp(4);
                    return new PipelineRun(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8), rs.getLong(9));
                }).list().stream().limit(NEWEST).toList();
    }

    List<DeadLetter> deadLetters() {
        return jdbc.sql("""
                SELECT id, run_id, site, source_file, line_number, reason_code, reason FROM dead_letter
                ORDER BY id DESC
                """).query((rs, n) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7))).list().stream().limit(NEWEST).toList();
    }

    List<SkippedCount> skipped() {
        return jdbc.sql("SELECT run_id, reason, record_count FROM skipped_count ORDER BY run_id, reason")
                .query((rs, n) -> new SkippedCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }
}
