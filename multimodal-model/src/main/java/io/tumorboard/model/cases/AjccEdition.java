package io.tumorboard.model.cases;

import java.util.Optional;

/**
 * The AJCC staging manual a stage was assigned under. Real data mixes editions; a stage is never regrouped
 * under another edition than its own. SNOMED CT codes are those mCODE uses in {@code Observation.method}.
 */
public enum AjccEdition {
    SIXTH("6th", "444256004"),
    SEVENTH("7th", "443830009"),
    EIGHTH("8th", "897275008"),
    NINTH("9th", "1269566009"),
    UNKNOWN("unknown", null);

    private final String label;
    private final String snomedCode;

    AjccEdition(String label, String snomedCode) {
        this.label = label;
        this.snomedCode = snomedCode;
    }

    public String label() {
        return label;
    }

    /** The SNOMED CT code of the staging system, empty for {@link #UNKNOWN}. */
    public Optional<String> snomedCode() {
        return Optional.ofNullable(snomedCode);
    }

    /** The edition a SNOMED CT staging-method code names; {@link #UNKNOWN} for a missing or unknown code. */
    public static AjccEdition fromSnomed(String code) {
        if (code != null) {
            for (AjccEdition edition : values()) {
                if (code.equals(edition.snomedCode)) {
                    return edition;
                }
            }
        }
        return UNKNOWN;
    }
}
