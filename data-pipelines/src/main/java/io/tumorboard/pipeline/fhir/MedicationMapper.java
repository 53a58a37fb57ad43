package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.cases.Treatment.TreatmentKind;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RecordSkip;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * Systemic therapy as mCODE models it (STU3 CancerRelatedMedicationAdministration and
 * CancerRelatedMedicationRequest): the drug in {@code medication[x]}, an RxNorm code where the site has one, to a
 * treatment of the {@link TreatmentKind#SYSTEMIC_THERAPY} kind whose source is the resource itself. mCODE uses
 * these two profiles only for cancer-related medication, so the kind does not depend on the drug. An
 * administration's days are its {@code effective[x]}; a request's are the bounds of its dosage timing, else the
 * day it was authored. A medication never given (not done, cancelled, a draft, entered in error) is skipped.
 */
final class MedicationMapper {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private MedicationMapper() {
    }

    static CaseFragment administration(MedicationAdministration given, FhirSource source)
            throws RecordRejection, RecordSkip {
        String patient = FhirValues.patientId(given.getSubject(), source.identity());
        MedicationAdministrationStatus status = given.getStatus();
        if (status == MedicationAdministrationStatus.NOTDONE
                || status == MedicationAdministrationStatus.ENTEREDINERROR) {
            throw new RecordSkip("MedicationAdministration not given (status " + status.toCode() + ")");
        }
        LocalDate start = null;
        LocalDate end = null;
        if (given.hasEffectiveDateTimeType()) {
            start = FhirValues.day(given.getEffectiveDateTimeType());
        } else if (given.hasEffectivePeriod()) {
            start = FhirValues.day(given.getEffectivePeriod().getStartElement());
            end = FhirValues.day(given.getEffectivePeriod().getEndElement());
        }
        return treatment(patient, given.getMedication(), start, end, source);
    }

    static CaseFragment request(MedicationRequest request, FhirSource source) throws RecordRejection, RecordSkip {
        String patient = FhirValues.patientId(request.getSubject(), source.identity());
        MedicationRequestStatus status = request.getStatus();
        if (status == MedicationRequestStatus.CANCELLED || status == MedicationRequestStatus.ENTEREDINERROR
                || status == MedicationRequestStatus.DRAFT) {
            throw new RecordSkip("MedicationRequest never given (status " + status.toCode() + ")");
        }
        Optional<Period> bounds = request.getDosageInstruction().stream()
                .filter(d -> d.getTiming().getRepeat().hasBoundsPeriod())
                .map(d -> d.getTiming().getRepeat().getBoundsPeriod())
                .findFirst();
        LocalDate start = bounds.map(p -> FhirValues.day(p.getStartElement())).orElse(null);
        LocalDate end = bounds.map(p -> FhirValues.day(p.getEndElement())).orElse(null);
        if (start == null) {
            start = FhirValues.day(request.getAuthoredOnElement());
        }
        return treatment(patient, request.getMedication(), start, end, source);
    }

    private static CaseFragment treatment(String patient, Type medication, LocalDate start, LocalDate end,
                                          FhirSource source) throws RecordRejection {
        if (start != null && end != null && end.isBefore(start)) {
            throw new RecordRejection(RejectionCode.BAD_VALUE, source.identity() + " ends (" + end
                    + ") before it starts (" + start + ")");
        }
        CodeableConcept drug = drug(medication, source);
        String code = FhirValues.coding(drug, RXNORM).map(Coding::getCode).orElse(drug.getCoding().stream()
                .filter(Coding::hasCode).map(Coding::getCode).findFirst().orElse(null));
        return source.fragment(patient, FragmentKind.TREATMENT, start, new Treatment(TreatmentKind.SYSTEMIC_THERAPY,
                code, FhirValues.text(drug), start, end, source.ref(start)));
    }

    /**
     * The drug: {@code medicationCodeableConcept}, or the code of the Medication a {@code medicationReference}
     * points to when the export contains it; a reference to a Medication elsewhere keeps only its display.
     */
    private static CodeableConcept drug(Type medication, FhirSource source) throws RecordRejection {
        if (medication instanceof CodeableConcept concept && !concept.isEmpty()) {
            return concept;
        }
        if (medication instanceof Reference reference) {
            if (reference.getResource() instanceof Medication contained && contained.hasCode()) {
                return contained.getCode();
            }
            if (reference.hasDisplay()) {
                return new CodeableConcept().setText(reference.getDisplay());
            }
        }
        throw new RecordRejection(RejectionCode.MISSING_FIELD, source.identity() + " names no medication (neither "
                + "a code nor a contained or displayed Medication)");
    }
}
