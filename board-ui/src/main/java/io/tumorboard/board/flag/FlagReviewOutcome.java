package io.tumorboard.board.flag;

/** What a reviewer did with a flag. */
public enum FlagReviewOutcome {
    /** The flag is real and the board will act on it. */
    ACKNOWLEDGED,
    /** The flag does not apply (e.g. explained by the course of care); the reason says why. */
    DISMISSED
}
