package io.tumorboard.model.cases;

/** How urgently a flag needs the board's attention. */
public enum Severity {
    /** Worth knowing, explained by the course of care (e.g. re-staging after surgery). */
    INFO,
    /** A conflict between sources that the board should resolve. */
    WARNING,
    /** A patient-safety risk, or a conflict that changes the stage group. */
    CRITICAL
}
