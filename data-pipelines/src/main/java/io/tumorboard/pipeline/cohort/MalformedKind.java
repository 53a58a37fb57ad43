package io.tumorboard.pipeline.cohort;

/** The kinds of malformed record a hospital export really contains, each a reader must reject with a reason. */
enum MalformedKind {
    BROKEN_JSON,
    WRONG_TYPE,
    UNKNOWN_CODE,
    MISSING_PATIENT_REFERENCE,
    DUPLICATE_RECORD,
    NON_UTF8_BYTES,
    NON_NUMERIC_RADIOMICS,
    DUPLICATE_RADIOMICS_ROW
}
