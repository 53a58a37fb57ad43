package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RecordSkip;
import io.tumorboard.pipeline.ingest.RejectionCode;
import io.tumorboard.pipeline.text.ReportReader;
import io.tumorboard.pipeline.text.ReportText;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * DiagnosticReport to a pathology report or an imaging study's report, by category (HL7 v2 table 0074: {@code
 * SP}/{@code PAT}/{@code LP} pathology, {@code RAD} radiology) or LOINC code. The text comes from a Base64
 * {@code presentedForm} (text/plain) or else {@code conclusion}, and its facts are read with their spans.
 */
final class DiagnosticReportMapper {

    private static final Set<String> PATHOLOGY = Set.of("SP", "PAT", "LP", "CP", "11526-1", "60567-5", "22637-3",
            "33717-0", "66121-0");
    private static final Set<String> RADIOLOGY = Set.of("RAD", "LP29684-5", "18748-4", "24627-2", "36643-5",
            "24727-0", "30746-2", "44136-0", "24566-2", "19005-8");

    private final ReportReader reader;

    DiagnosticReportMapper(ReportReader reader) {
        this.reader = reader;
    }

    CaseFragment map(DiagnosticReport report, FhirSource source) throws RecordRejection, RecordSkip {
        String id = source.identity();
        String patient = FhirValues.patientId(report.getSubject(), id);
        LocalDate date = report.hasEffectiveDateTimeType() ? FhirValues.day(report.getEffectiveDateTimeType())
                : report.hasIssuedElement() ? FhirValues.day(report.getIssuedElement()) : null;
        String text = text(report, id);
        boolean pathology = hasAny(report.getCategory(), PATHOLOGY) || hasAny(List.of(report.getCode()), PATHOLOGY);
        boolean radiology = hasAny(report.getCategory(), RADIOLOGY) || hasAny(List.of(report.getCode()), RADIOLOGY);
        if (pathology) {
            List<ExtractedFact> facts = reader.read(text, ReportText.Kind.PATHOLOGY);
            return source.fragment(patient, FragmentKind.PATHOLOGY_REPORT, date,
                    new PathologyReport(report.getIdElement().getIdPart(), date, text, facts, source.ref(date)));
        }
        if (radiology) {
            List<ExtractedFact> facts = reader.read(text, ReportText.Kind.RADIOLOGY);
            String studyId = studyId(report);
            String response = facts.stream().filter(f -> f.field() == ExtractedFact.ReportField.RESPONSE)
                    .map(ExtractedFact::value).findFirst().orElse(null);
            return source.fragment(patient, FragmentKind.IMAGING_REPORT, date, new ImagingStudy(studyId, date,
                    modality(report.getCode(), text), null, text, facts, null, response, source.ref(date)));
        }
        throw new RecordSkip("DiagnosticReport: neither pathology nor radiology (e.g. laboratory panel)");
    }

    private static String text(DiagnosticReport report, String id) throws RecordRejection {
        for (Attachment form : report.getPresentedForm()) {
            boolean plain = !form.hasContentType() || form.getContentType().toLowerCase(Locale.ROOT).startsWith("text/");
            if (plain && form.hasData()) {
                return new String(form.getData(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        if (report.hasConclusion()) {
            return report.getConclusion();
        }
        throw new RecordRejection(RejectionCode.MISSING_FIELD, id + " has neither a text/plain presentedForm nor a "
                + "conclusion");
    }

    private static boolean hasAny(List<CodeableConcept> concepts, Set<String> codes) {
        for (CodeableConcept concept : concepts) {
            for (Coding coding : concept.getCoding()) {
                if (coding.getCode() != null && codes.contains(coding.getCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** DICOM modality from the report's code or, failing that, its first words. */
    static String modality(CodeableConcept code, String text) {
        String words = (String.valueOf(FhirValues.text(code)) + " " + text.substring(0, Math.min(200, text.length())))
                .toUpperCase(Locale.ROOT);
        if (words.matches("(?s).*\\b(PET|PET/CT|FDG)\\b.*")) {
            return "PT";
        }
        if (words.matches("(?s).*\\b(MRI|MR)\\b.*")) {
            return "MR";
        }
        if (words.matches("(?s).*\\b(CT|COMPUTED TOMOGRAPHY)\\b.*")) {
            return "CT";
        }
        if (words.matches("(?s).*\\b(X-RAY|XR|RADIOGRAPH|CR)\\b.*")) {
            return "CR";
        }
        return null;
    }

    /**
     * The imaging study the report reads, so its radiomics row joins it: an identifier whose system names the
     * imaging study, else the ImagingStudy reference, else the report's own id.
     */
    private static String studyId(DiagnosticReport report) {
        for (var identifier : report.getIdentifier()) {
            String system = identifier.getSystem() == null ? "" : identifier.getSystem().toLowerCase(Locale.ROOT);
            if ((system.contains("imaging-study") || system.contains("study-uid") || system.contains("accession"))
                    && identifier.hasValue()) {
                return identifier.getValue();
            }
        }
        if (report.hasImagingStudy()) {
            return lastSegment(report.getImagingStudyFirstRep().getReference());
        }
        return report.getIdElement().getIdPart();
    }

    private static String lastSegment(String reference) {
        if (reference == null) {
            return null;
        }
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return reference.substring(Math.max(slash, colon) + 1);
    }
}
