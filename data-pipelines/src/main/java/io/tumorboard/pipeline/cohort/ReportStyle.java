package io.tumorboard.pipeline.cohort;

/** How a hospital writes its pathology and radiology reports. */
enum ReportStyle {
    /** CAP-like synoptic checklist: "Histologic type: ...", "Lymphovascular invasion: Not identified". */
    SYNOPTIC,
    /** Upper-case narrative diagnosis lines with dashes, as many US surgical pathology systems print them. */
    NARRATIVE,
    /** Scanned, European-style free text with OCR noise, exported as plain text files. */
    SCANNED_FREE_TEXT
}
