package io.tumorboard.pipeline.ingest;

/**
 * Thrown by a reader for a well-formed record the case has no use for (an unused FHIR resource type); it is
 * counted under its reason rather than stored.
 */
public class RecordSkip extends Exception {

    private static final long serialVersionUID = 1L;

    public RecordSkip(String reason) {
        super(reason);
    }
}
