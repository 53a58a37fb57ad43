package io.tumorboard.board.audit;

import java.time.Instant;

/**
 * One audited action.
 *
 * @param occurredAt when
 * @param username who
 * @param action what, e.g. {@code CASE_VIEW}, {@code DECISION_SIGNED}
 * @param target the record, e.g. {@code case:3f2a...}, {@code meeting:4}
 * @param detail a short description, no patient identifiers
 */
public record AuditEvent(Instant occurredAt, String username, String action, String target, String detail) {
}
