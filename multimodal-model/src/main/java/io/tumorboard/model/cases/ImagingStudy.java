package io.tumorboard.model.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One imaging study with its radiomics features and its radiology report.
 *
 * @param studyId identifier of the study at the site
 * @param date study date
 * @param modality DICOM modality code, e.g. {@code CT}, {@code MR}, {@code PT}
 * @param radiomics pyradiomics feature name to value, in the table's column order (no diagnostics columns)
 * @param reportText radiology report text, empty when none arrived
 * @param facts facts extracted from the report text, with their spans
 * @param lesions lesions measured at this time point (for RECIST)
 * @param documentedResponse the response the report states (RECIST category such as {@code PR}), null if none
 * @param source the DiagnosticReport / ImagingStudy / radiomics row
 */
public record ImagingStudy(
        String studyId,
        LocalDate date,
        String modality,
        Map<String, Double> radiomics,
        String reportText,
        List<ExtractedFact> facts,
        List<LesionMeasurement> lesions,
        String documentedResponse,
        SourceRef source) {

    public ImagingStudy {
        radiomics = radiomics == null ? Map.of() : CaseCollections.orderedCopy(radiomics);
        facts = facts == null ? List.of() : List.copyOf(facts);
        lesions = lesions == null ? List.of() : List.copyOf(lesions);
        reportText = reportText == null ? "" : reportText;
    }
}
