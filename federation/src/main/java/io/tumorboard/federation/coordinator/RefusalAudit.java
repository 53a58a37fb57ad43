package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;

/**
 * Writes a refusal to the run's audit log (when it names an audit event) before it is answered. It takes no lock of
 * the run: the transport audits refusals it alone sees from its own threads.
 */
final class RefusalAudit {

    private final AuditLog audit;

    RefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** A new refusal of {@code site}'s request in round {@code round} (0 when unknown), audited. */
    RefusedResult refuse(RefusedResult.Kind kind, AuditEvent event, String site, int round, String message) {
        return audited(new RefusedResult(kind, event, message), site, round);
    }

    RefusedResult audited(RefusedResult r, String site, int round) {
        if (r.event() != null) {
            audit.refused(r.event(), site, round, r.getMessage());
        }
        return r;
    }
}
