package io.tumorboard.model.cases;

/**
 * Every kind of flag a case can carry. The deterministic rules raise the discrepancy and safety kinds; the
 * network raises {@link #LEARNED_STAGE_CONTRADICTION}. The demo cohort's {@code truth/} names injected
 * discrepancies with these same names, so evaluation compares like with like.
 */
public enum FlagType {
    /** Clinical and pathological T, N or M differ between sources of the same time. */
    CLINICAL_PATHOLOGICAL_STAGE_CONFLICT(FlagKind.DISCREPANCY),
    /** Clinical and pathological stage differ in the way re-staging after treatment or surgery explains. */
    EXPECTED_RESTAGING(FlagKind.DISCREPANCY),
    /** A documented stage group contradicts its own T, N and M under its own edition. */
    STAGE_GROUP_INCONSISTENT(FlagKind.DISCREPANCY),
    /** A documented stage group is right under another edition than the one it claims. */
    STAGE_EDITION_MISMATCH(FlagKind.DISCREPANCY),
    LATERALITY_CONFLICT(FlagKind.DISCREPANCY),
    TUMOR_SIZE_CONFLICT(FlagKind.DISCREPANCY),
    HISTOLOGY_CONFLICT(FlagKind.DISCREPANCY),
    /** A documented response contradicts the RECIST 1.1 response computed from the measurements. */
    RESPONSE_CONFLICT(FlagKind.DISCREPANCY),
    /** Iodinated contrast planned for a patient with a prior contrast reaction. */
    CONTRAST_ALLERGY(FlagKind.SAFETY),
    /** Iodinated contrast planned with impaired renal function. */
    CONTRAST_RENAL_RISK(FlagKind.SAFETY),
    /** MRI planned with an MR-unsafe implanted device. */
    MRI_UNSAFE_DEVICE(FlagKind.SAFETY),
    /** MRI planned with an MR-conditional device whose conditions are not on record, or an unlabelled device. */
    MRI_CONDITIONAL_DEVICE_UNDOCUMENTED(FlagKind.SAFETY),
    /** Ionising-radiation imaging planned during pregnancy. */
    RADIATION_IN_PREGNANCY(FlagKind.SAFETY),
    /** A modality's learned stage estimate contradicts the documented value with high confidence. */
    LEARNED_STAGE_CONTRADICTION(FlagKind.LEARNED);

    private final FlagKind kind;

    FlagType(FlagKind kind) {
        this.kind = kind;
    }

    public FlagKind kind() {
        return kind;
    }

    /** Families of flag, shown as separate groups on the board. */
    public enum FlagKind {
        DISCREPANCY,
        SAFETY,
        LEARNED
    }
}
