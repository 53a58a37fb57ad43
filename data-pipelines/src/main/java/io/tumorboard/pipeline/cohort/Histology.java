package io.tumorboard.pipeline.cohort;

import java.util.List;

/** NSCLC histologies with their ICD-O-3 morphology (behaviour /3, malignant) and the words reports use for them. */
enum Histology {
    ADENOCARCINOMA("Adenocarcinoma", "8140/3", List.of("adenocarcinoma", "ADENOCARCINOMA", "adenoca", "invasive adenocarcinoma")),
    SQUAMOUS_CELL_CARCINOMA("Squamous cell carcinoma", "8070/3",
            List.of("squamous cell carcinoma", "SQUAMOUS CELL CARCINOMA", "SCC", "squamous carcinoma")),
    LARGE_CELL_CARCINOMA("Large cell carcinoma", "8012/3",
            List.of("large cell carcinoma", "LARGE CELL CARCINOMA", "large cell ca", "large cell undifferentiated carcinoma"));

    private final String display;
    private final String icdO3;
    private final List<String> reportWords;

    Histology(String display, String icdO3, List<String> reportWords) {
        this.display = display;
        this.icdO3 = icdO3;
        this.reportWords = reportWords;
    }

    String display() {
        return display;
    }

    String icdO3() {
        return icdO3;
    }

    List<String> reportWords() {
        return reportWords;
    }
}
