package io.tumorboard.pipeline.ingest;

/** Thrown by a reader when a record cannot be decoded; caught at the stage edge and turned into a dead letter. */
public class RecordRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectionCode code;

    public RecordRejection(RejectionCode code, String reason) {
        super(reason);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
