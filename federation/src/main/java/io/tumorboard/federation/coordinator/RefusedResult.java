package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;

/**
 * A site's request or result the coordinator turns away. The message is safe to send to the site: it
 * says what is wrong without internals. The transport maps {@link #kind()} to a gRPC status once.
 */
public final class RefusedResult extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, in terms a transport can map to a status code. */
    public enum Kind {
        NOT_ADMITTED, NOT_REGISTERED, STALE, REPLAYED, INVALID, TOO_LARGE
    }

    private final Kind kind;
    private final transient AuditEvent event;

    public RefusedResult(Kind kind, AuditEvent event, String message) {
        super(message);
        this.kind = kind;
        this.event = event;
    }

    public Kind kind() {
        return kind;
    }

    /** The audit event written for this refusal, or null when it is not an audited refusal. */
    public AuditEvent event() {
        return event;
    }
}
