package io.tumorboard.board.decision;

/** The main modality of a recommendation, in the words tumor boards minute them. */
public enum TreatmentModality {
    SURGERY,
    RADIOTHERAPY,
    STEREOTACTIC_RADIOTHERAPY,
    CHEMORADIOTHERAPY,
    SYSTEMIC_CHEMOTHERAPY,
    IMMUNOTHERAPY,
    TARGETED_THERAPY,
    ADJUVANT_SYSTEMIC_THERAPY,
    SURVEILLANCE,
    BEST_SUPPORTIVE_CARE,
    FURTHER_DIAGNOSTICS
}
