package io.tumorboard.board.decision;

import io.tumorboard.board.store.MigratedSchemas;
import io.tumorboard.board.web.RecordNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code board_decision} table. Every write names the revision and lock version the writer saw; a write
 * against anything newer is refused with {@link DecisionConflictException}.
 */
@Repository
public class DecisionRepository {

    private static final String COLUMNS = """
            id, meeting_id, case_key, revision, lock_version, status, treatment_intent, treatment_modality,
            guideline_reference, rationale, attendees, agreement, dissent, follow_up, updated_by, updated_at,
            signed_by, signed_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public DecisionRepository(JdbcClient jdbc, Clock clock, MigratedSchemas migrated) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest revision of the decision on a case at a meeting. */
    public Optional<BoardDecision> latest(long meetingId, String caseKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM board_decision WHERE meeting_id = :m AND case_key = :k "
                        + "ORDER BY revision DESC")
                .param("m", meetingId).param("k", caseKey).query(DecisionRepository::decision)
                .list().stream().findFirst();
    }

    /** Every revision, oldest first. */
    public List<BoardDecision> revisions(long meetingId, String caseKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM board_decision WHERE meeting_id = :m AND case_key = :k "
                        + "ORDER BY revision")
                .param("m", meetingId).param("k", caseKey).query(DecisionRepository::decision).list();
    }

    /** The newest revision per case of a meeting, keyed by case key. */
    public Map<String, BoardDecision> latestByCase(long meetingId) {
        Map<String, BoardDecision> latest = new LinkedHashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM board_decision WHERE meeting_id = :m ORDER BY revision")
                .param("m", meetingId).query(DecisionRepository::decision).list()
                .forEach(d -> latest.put(d.caseKey(), d));
        return latest;
    }

    /** Signed decisions on any of these cases, newest first (for similar past cases). */
    public List<BoardDecision> signedFor(List<String> caseKeys) {
        if (caseKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM board_decision WHERE status = 'SIGNED' AND case_key IN (:keys) "
                        + "ORDER BY signed_at DESC")
                .param("keys", caseKeys).query(DecisionRepository::decision).list();
    }

    public BoardDecision get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM board_decision WHERE id = :id").param("id", id)
                .query(DecisionRepository::decision).optional()
                .orElseThrow(() -> new RecordNotFoundException("decision", id));
    }

    /** Inserts a draft revision; a concurrent insert of the same revision is a conflict. */
    void insertDraft(long meetingId, String caseKey, int revision, DecisionContent c, String by) {
        try {
            jdbc.sql("""
                    INSERT INTO board_decision (meeting_id, case_key, revision, lock_version, status, treatment_intent,
                      treatment_modality, guideline_reference, rationale, attendees, agreement, dissent, follow_up,
                      updated_by, updated_at)
                    VALUES (:m, :k, :rev, 0, 'DRAFT', :intent, :modality, :guideline, :rationale, :attendees,
                      :agreement, :dissent, :followUp, :by, :at)
                    """)
                    .param("m", meetingId).param("k", caseKey).param("rev", revision)
                    .params(contentParams(c, by)).update();
        } catch (DuplicateKeyException e) {
            throw new DecisionConflictException("Someone else saved revision " + revision
                    + " of this decision while you were editing. Your text was not saved; reload to see theirs.");
        }
    }

    /** Updates a draft if nobody changed it since {@code expectedLock}; returns false otherwise. */
    boolean updateDraft(long id, int expectedLock, DecisionContent c, String by) {
        return jdbc.sql("""
                UPDATE board_decision SET treatment_intent = :intent, treatment_modality = :modality,
                  guideline_reference = :guideline, rationale = :rationale, attendees = :attendees,
                  agreement = :agreement, dissent = :dissent, follow_up = :followUp, updated_by = :by,
                  updated_at = :at, lock_version = lock_version + 1
                WHERE id = :id AND lock_version = :lock AND status = 'DRAFT'
                """)
                .params(contentParams(c, by)).param("id", id).param("lock", expectedLock).update() == 1;
    }

    /** Signs a draft if nobody changed it since {@code expectedLock}; returns false otherwise. */
    boolean sign(long id, int expectedLock, String chair) {
        return jdbc.sql("""
                UPDATE board_decision SET status = 'SIGNED', signed_by = :chair, signed_at = :at,
                  lock_version = lock_version + 1
                WHERE id = :id AND lock_version = :lock AND status = 'DRAFT'
                """)
                .param("chair", chair).param("at", Timestamp.from(clock.instant())).param("id", id)
                .param("lock", expectedLock).update() == 1;
    }

    private Map<String, Object> contentParams(DecisionContent c, String by) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("intent", c.intent().name());
        params.put("modality", c.modality().name());
        params.put("guideline", c.guidelineReference().trim());
        params.put("rationale", c.rationale().trim());
        params.put("attendees", c.attendees().trim());
        params.put("agreement", c.agreement().name());
        params.put("dissent", c.dissent());
        params.put("followUp", c.followUp());
        params.put("by", by);
        params.put("at", Timestamp.from(clock.instant()));
        return params;
    }

    private static BoardDecision decision(ResultSet rs, int rowNum) throws SQLException {
        Timestamp signedAt = rs.getTimestamp("signed_at");
        return new BoardDecision(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("case_key"),
                rs.getInt("revision"), rs.getInt("lock_version"), DecisionStatus.valueOf(rs.getString("status")),
                new DecisionContent(TreatmentIntent.valueOf(rs.getString("treatment_intent")),
                        TreatmentModality.valueOf(rs.getString("treatment_modality")),
                        rs.getString("guideline_reference"), rs.getString("rationale"), rs.getString("attendees"),
                        Agreement.valueOf(rs.getString("agreement")), rs.getString("dissent"),
                        rs.getString("follow_up")),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("signed_by"),
                signedAt == null ? null : signedAt.toInstant());
    }
}
