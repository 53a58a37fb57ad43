package io.tumorboard.board.store;

/** No current case has this key; answered as 404, never as a server error. */
public class CaseNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaseNotFoundException(String caseKey) {
        super("no case with key " + caseKey + " in the case store");
    }
}
