package io.tumorboard.pipeline.ingest;

/**
 * What became of one raw record: exactly one of a fragment, a rejection, or a skip reason.
 *
 * @param fragment the accepted fragment, or null
 * @param rejection the rejection, or null
 * @param skipReason why the record was skipped, or null
 */
public record Decoded(CaseFragment fragment, RejectedRecord rejection, String skipReason) {

    public static Decoded accepted(CaseFragment fragment) {
        return new Decoded(fragment, null, null);
    }

    public static Decoded rejected(RejectedRecord rejection) {
        return new Decoded(null, rejection, null);
    }

    public static Decoded skipped(String reason) {
        return new Decoded(null, null, reason);
    }
}
