package io.tumorboard.board.decision;

/**
 * Someone else changed (or signed) the decision since this person opened it. Their change is kept; this one is
 * refused with who changed it and when, so nobody's work is silently overwritten.
 */
public class DecisionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DecisionConflictException(String message) {
        super(message);
    }
}
