package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.cases.Treatment.TreatmentKind;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RecordSkip;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;

/**
 * Procedure to a treatment on the case, so the rules can tell re-staging after treatment (ypT after neoadjuvant
 * therapy, pT at resection) from a conflict between sources of the same time. The kind is read from the SNOMED CT
 * code, else from the category; a procedure with neither known is kept as {@link TreatmentKind#OTHER}: the board
 * still sees it on the timeline, and dropping it would lose data.
 */
final class ProcedureMapper {

    /**
     * SNOMED CT procedure codes whose kind is known here. Only exact codes: without a terminology server the
     * hierarchy (every kind of lung resection under "lobectomy") is not available.
     */
    private static final Map<String, TreatmentKind> CODES = Map.of(
            "173171007", TreatmentKind.SURGERY,            // Lobectomy of lung
            "367336001", TreatmentKind.SYSTEMIC_THERAPY,   // Chemotherapy
            "1217123003", TreatmentKind.RADIOTHERAPY);     // Radiotherapy course of treatment (mCODE course summary)

    /**
     * SNOMED CT categories: 387713003 Surgical procedure (FHIR R4 procedure-category value set), 108290001
     * Radiation oncology AND/OR radiotherapy (the category mCODE's radiotherapy profiles fix).
     */
    private static final Map<String, TreatmentKind> CATEGORIES = Map.of(
            "387713003", TreatmentKind.SURGERY,
            "108290001", TreatmentKind.RADIOTHERAPY);

    private ProcedureMapper() {
    }

    static CaseFragment map(Procedure procedure, FhirSource source) throws RecordRejection, RecordSkip {
        String patient = FhirValues.patientId(procedure.getSubject(), source.identity());
        ProcedureStatus status = procedure.getStatus();
        if (status == ProcedureStatus.NOTDONE || status == ProcedureStatus.ENTEREDINERROR) {
            throw new RecordSkip("Procedure not performed (status " + status.toCode() + ")");
        }
        LocalDate start = null;
        LocalDate end = null;
        if (procedure.hasPerformedDateTimeType()) {
            start = FhirValues.day(procedure.getPerformedDateTimeType());
        } else if (procedure.hasPerformedPeriod()) {
            Period period = procedure.getPerformedPeriod();
            start = period.hasStartElement() ? FhirValues.day(period.getStartElement()) : null;
            end = period.hasEndElement() ? FhirValues.day(period.getEndElement()) : null;
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new RecordRejection(RejectionCode.BAD_VALUE, source.identity() + " ends (" + end
                    + ") before it starts (" + start + ")");
        }
        Optional<Coding> snomed = FhirValues.coding(procedure.getCode(), FhirValues.SNOMED);
        String code = snomed.map(Coding::getCode).orElse(procedure.getCode().getCoding().stream()
                .filter(Coding::hasCode).map(Coding::getCode).findFirst().orElse(null));
        TreatmentKind kind = snomed.map(c -> CODES.get(c.getCode()))
                .or(() -> FhirValues.coding(procedure.getCategory(), FhirValues.SNOMED)
                        .map(c -> CATEGORIES.get(c.getCode())))
                .orElse(TreatmentKind.OTHER);
        return source.fragment(patient, FragmentKind.TREATMENT, start, new Treatment(kind, code,
                FhirValues.text(procedure.getCode()), start, end, source.ref(start)));
    }
}
