package io.tumorboard.pipeline.ingest;

/** What part of a case a fragment carries; decides the payload's Java type and where it lands in the case. */
public enum FragmentKind {
    PATIENT,
    CONDITION,
    STAGE,
    ECOG,
    SMOKING,
    LAB,
    TUMOR_SIZE,
    ALLERGY,
    DEVICE,
    PLANNED_IMAGING,
    IMAGING_REPORT,
    RADIOMICS,
    PATHOLOGY_REPORT,
    TREATMENT,
    PREGNANCY
}
