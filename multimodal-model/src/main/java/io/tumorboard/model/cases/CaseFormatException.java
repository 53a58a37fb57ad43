package io.tumorboard.model.cases;

/** A case line or header that cannot be read, with the line it was found on and why. */
public class CaseFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    public CaseFormatException(long lineNumber, String reason) {
        this(lineNumber, reason, null);
    }

    public CaseFormatException(long lineNumber, String reason, Throwable cause) {
        super("case line " + lineNumber + ": " + reason, cause);
        this.lineNumber = lineNumber;
    }

    /** 1-based line number in the JSON-lines file (the header is line 1). */
    public long lineNumber() {
        return lineNumber;
    }
}
