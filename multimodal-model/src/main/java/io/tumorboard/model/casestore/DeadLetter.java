package io.tumorboard.model.casestore;

import java.util.Objects;

/**
 * One rejected input record, kept with everything needed to find and fix it at the source.
 *
 * @param runId the pipeline run that rejected it
 * @param site the site whose export it came from
 * @param sourceFile the file, relative to the site's export folder, e.g. {@code fhir/Observation.ndjson}
 * @param lineNumber 1-based line in that file (1 for a whole-file record such as a text report)
 * @param reasonCode a stable machine code, e.g. {@code BROKEN_JSON}, {@code MISSING_PATIENT}
 * @param reason one sentence naming the record and what is wrong with it
 * @param rawBase64 the raw bytes of the record as they arrived, Base64 (bytes that are not UTF-8 survive)
 */
public record DeadLetter(
        String runId,
        String site,
        String sourceFile,
        long lineNumber,
        String reasonCode,
        String reason,
        String rawBase64) {

    /** The width of the {@code reason} column; longer reasons are cut, with a marker, rather than refused. */
    static final int REASON_LIMIT = 2000;

    public DeadLetter {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
    }

    String storedReason() {
        return reason.length() <= REASON_LIMIT ? reason : reason.substring(0, REASON_LIMIT - 3) + "...";
    }
}
