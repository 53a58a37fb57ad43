package io.tumorboard.board.decision;

/** The intent of the recommended treatment, with the SNOMED CT procedure-intent codes mCODE uses. */
public enum TreatmentIntent {
    CURATIVE("373808002", "Curative - procedure intent"),
    PALLIATIVE("363676003", "Palliative - procedure intent"),
    /** Not a treatment decision yet: more work-up is needed before one. */
    DIAGNOSTIC("261004008", "Diagnostic intent");

    private final String snomedCode;
    private final String display;

    TreatmentIntent(String snomedCode, String display) {
        this.snomedCode = snomedCode;
        this.display = display;
    }

    public String snomedCode() {
        return snomedCode;
    }

    public String display() {
        return display;
    }
}
