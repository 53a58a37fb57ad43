package io.tumorboard.board.decision;

/** Whether the board agreed; a dissent is minuted with who dissented and why. */
public enum Agreement {
    CONSENSUS,
    DISSENT
}
