package io.tumorboard.model.cases;

import java.time.LocalDate;

/**
 * The primary cancer condition.
 *
 * @param topographyCode ICD-O-3 topography, e.g. {@code C34.1} (upper lobe, lung)
 * @param bodySite free-text or SNOMED display of the site, e.g. {@code Upper lobe of right lung}
 * @param laterality side of the primary
 * @param histology histology as written, e.g. {@code Adenocarcinoma}
 * @param morphologyCode ICD-O-3 morphology with behaviour, e.g. {@code 8140/3}
 * @param diagnosisDate date of diagnosis
 * @param source the Condition resource
 */
public record PrimaryCancer(
        String topographyCode,
        String bodySite,
        Laterality laterality,
        String histology,
        String morphologyCode,
        LocalDate diagnosisDate,
        SourceRef source) {
}
