package io.tumorboard.model.cases;

/**
 * A fact read from report text, with the character span it came from, so the board can see it highlighted.
 *
 * @param field what the fact is about
 * @param value normalised value, e.g. {@code T2a}, {@code 8140/3}, {@code 32} (mm), {@code POSITIVE}, {@code LEFT}
 * @param start offset of the first character of the evidence in the report text (inclusive)
 * @param end offset after the last character of the evidence (exclusive)
 * @param negated whether the text states the finding's absence ("no lymphovascular invasion identified")
 */
public record ExtractedFact(ReportField field, String value, int start, int end, boolean negated) {

    /** The facts an extractor reads from pathology and radiology text. */
    public enum ReportField {
        HISTOLOGY,
        MORPHOLOGY_CODE,
        GRADE,
        TUMOR_SIZE_MM,
        PATHOLOGICAL_T,
        PATHOLOGICAL_N,
        PATHOLOGICAL_M,
        CLINICAL_T,
        CLINICAL_N,
        CLINICAL_M,
        MARGIN,
        LYMPHOVASCULAR_INVASION,
        PLEURAL_INVASION,
        EGFR,
        ALK,
        PDL1_TPS,
        LATERALITY,
        RESPONSE
    }
}
