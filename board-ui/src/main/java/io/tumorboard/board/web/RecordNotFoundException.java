package io.tumorboard.board.web;

/** A meeting, agenda item or decision that does not exist; answered as 404 naming the record. */
public class RecordNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String kind, Object id) {
        super("no " + kind + " " + id);
    }
}
