package io.tumorboard.pipeline.cohort;

/** Lobe of the primary, with its ICD-O-3 topography and SNOMED CT body structure. */
enum Lobe {
    UPPER("C34.1", "45653009", "upper lobe", "UL"),
    MIDDLE("C34.2", "72481006", "middle lobe", "ML"),
    LOWER("C34.3", "90572001", "lower lobe", "LL");

    private final String topography;
    private final String snomed;
    private final String words;
    private final String abbreviation;

    Lobe(String topography, String snomed, String words, String abbreviation) {
        this.topography = topography;
        this.snomed = snomed;
        this.words = words;
        this.abbreviation = abbreviation;
    }

    String topography() {
        return topography;
    }

    String snomed() {
        return snomed;
    }

    String words() {
        return words;
    }

    String abbreviation() {
        return abbreviation;
    }
}
