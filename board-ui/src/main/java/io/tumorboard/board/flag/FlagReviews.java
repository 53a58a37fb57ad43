package io.tumorboard.board.flag;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.store.MigratedSchemas;
import io.tumorboard.model.cases.PatientCase;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code flag_review} table, and the flags of a case joined with their reviews. */
@Repository
public class FlagReviews {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    public FlagReviews(JdbcClient jdbc, Clock clock, AuditTrail audit, MigratedSchemas migrated) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public List<FlagView> panel(PatientCase c) {
        Map<String, List<FlagReview>> reviews = jdbc.sql("""
                SELECT flag_id, case_version, outcome, reason, reviewed_by, reviewed_at FROM flag_review
                WHERE case_key = :k ORDER BY id
                """).param("k", c.caseKey())
                .query((rs, n) -> new FlagReview(rs.getString(1), rs.getLong(2),
                        FlagReviewOutcome.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list().stream().collect(Collectors.groupingBy(FlagReview::flagId));
        return c.flags().stream()
                .map(f -> new FlagView(FlagView.idOf(f), f, reviews.getOrDefault(FlagView.idOf(f), List.of())))
                .toList();
    }

    /** Records a review of a flag the case really carries; a blank reason or an unknown flag is refused. */
    @Transactional
    public void review(PatientCase c, String flagId, FlagReviewOutcome outcome, String reason, String reviewer) {
        if (c.flags().stream().noneMatch(f -> FlagView.idOf(f).equals(flagId))) {
            throw new IllegalArgumentException("case " + c.caseKey() + " version " + c.caseVersion()
                    + " has no flag " + flagId);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a flag is " + outcome.name().toLowerCase() + " only with a reason");
        }
        jdbc.sql("""
                INSERT INTO flag_review (case_key, case_version, flag_id, outcome, reason, reviewed_by, reviewed_at)
                VALUES (:k, :v, :f, :o, :r, :by, :at)
                """)
                .param("k", c.caseKey()).param("v", c.caseVersion()).param("f", flagId).param("o", outcome.name())
                .param("r", reason.trim()).param("by", reviewer).param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(reviewer, "FLAG_" + outcome.name(), "case:" + c.caseKey(), flagId + ": " + reason.trim());
    }
}
