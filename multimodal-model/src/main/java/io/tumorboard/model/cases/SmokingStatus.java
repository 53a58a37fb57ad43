package io.tumorboard.model.cases;

/** Tobacco smoking status, in the categories of LOINC 72166-2. */
public enum SmokingStatus {
    CURRENT,
    FORMER,
    NEVER,
    UNKNOWN
}
