package io.tumorboard.pipeline.ingest;

/** Stable codes of the reasons a record is rejected; the data-quality page groups dead letters by them. */
public enum RejectionCode {
    NOT_UTF8,
    BROKEN_JSON,
    INVALID_FHIR,
    MISSING_FIELD,
    UNKNOWN_CODE,
    BAD_VALUE,
    BAD_CSV_ROW,
    NON_NUMERIC_FEATURE,
    BAD_FILE_NAME,
    MISSING_PATIENT,
    DUPLICATE
}
