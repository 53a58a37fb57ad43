package io.tumorboard.board.decision;

/** A draft may be edited; a signed revision never is. */
public enum DecisionStatus {
    DRAFT,
    SIGNED
}
