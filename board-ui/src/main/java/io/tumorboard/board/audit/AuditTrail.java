package io.tumorboard.board.audit;

import io.tumorboard.board.store.MigratedSchemas;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads the audit log. Writes join the caller's transaction, so a rolled-back change leaves none. */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock, MigratedSchemas migrated) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String username, String action, String target, String detail) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, username, action, target, detail) "
                        + "VALUES (:at, :u, :action, :target, :detail)")
                .param("at", Timestamp.from(clock.instant())).param("u", username).param("action", action)
                .param("target", target).param("detail", detail).update();
    }

    /** The newest events first. */
    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT occurred_at, username, action, target, detail FROM audit_event "
                        + "ORDER BY id DESC")
                .query((rs, n) -> new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list().stream().limit(limit).toList();
    }

    /** The events for one record, oldest first (e.g. the history of a case's views and changes). */
    public List<AuditEvent> forTarget(String target) {
        return jdbc.sql("SELECT occurred_at, username, action, target, detail FROM audit_event "
                        + "WHERE target = :t ORDER BY id")
                .param("t", target)
                .query((rs, n) -> new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
