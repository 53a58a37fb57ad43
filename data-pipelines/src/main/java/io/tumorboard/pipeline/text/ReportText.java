package io.tumorboard.pipeline.text;

/** The kinds of report text the reader knows; they differ in which facts are expected. */
public final class ReportText {

    private ReportText() {
    }

    /** Pathology reports carry pTNM, histology and margins; radiology reports cTNM-like findings and response. */
    public enum Kind {
        PATHOLOGY,
        RADIOLOGY
    }
}
