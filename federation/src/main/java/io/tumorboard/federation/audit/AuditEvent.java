package io.tumorboard.federation.audit;

/** What the audit log records: the coordinator's refusals, and the registry's promotions. */
public enum AuditEvent {
    /** A connection that did not complete a mutual-TLS handshake (no TLS, no client certificate). */
    TLS_REFUSED,
    /** A client certificate that is not from this federation's CA. */
    UNTRUSTED_CERTIFICATE,
    /** A client certificate outside its validity period. */
    EXPIRED_CERTIFICATE,
    /** A valid certificate whose site is not on the coordinator's admitted list. */
    UNREGISTERED_SITE,
    /** A result for a round that is not open, or naming a task the coordinator did not issue to this site. */
    STALE_UPDATE,
    /** A second result for a task already answered. */
    REPLAYED_UPDATE,
    /** An update whose values or scales are NaN or infinite. */
    NON_FINITE_UPDATE,
    /** An update whose L2 norm exceeds the run's bound. */
    ABSURD_NORM,
    /** An update whose layout differs from the global model's, or whose digest does not match. */
    MALFORMED_UPDATE,
    /** A stream longer than its header declared or than the model can be. */
    OVERSIZED_STREAM,
    /** A model version made the one the workbench uses (not a refusal: a decision someone must answer for). */
    MODEL_PROMOTED
}
