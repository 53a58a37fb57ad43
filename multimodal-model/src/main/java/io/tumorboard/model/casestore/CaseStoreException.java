package io.tumorboard.model.casestore;

/** A case-store operation failed; the message names the operation and the record (case key, run, file). */
public class CaseStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaseStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
