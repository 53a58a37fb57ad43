package io.tumorboard.model.cases;

import java.time.LocalDate;

/**
 * An allergy or intolerance on record.
 *
 * @param substanceCode code of the substance (SNOMED CT / RxNorm), may be null
 * @param substance display of the substance, e.g. {@code Iodinated contrast media}
 * @param reaction manifestation as recorded, e.g. {@code urticaria}, {@code anaphylaxis}; may be null
 * @param severity {@code mild}, {@code moderate}, {@code severe} as FHIR records it, may be null
 * @param recordedDate when it was recorded
 * @param source the AllergyIntolerance
 */
public record Allergy(
        String substanceCode,
        String substance,
        String reaction,
        String severity,
        LocalDate recordedDate,
        SourceRef source) {
}
