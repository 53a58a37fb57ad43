package io.tumorboard.model.cases;

/** The three modalities a case fuses. */
public enum Modality {
    IMAGING,
    PATHOLOGY,
    CLINICAL
}
