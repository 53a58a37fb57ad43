package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.Allergy;
import io.tumorboard.model.cases.ImplantedDevice;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RecordSkip;
import java.time.LocalDate;
import java.util.Locale;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The resources the safety rules read: allergies, implanted devices with their MR safety label, and planned
 * imaging (ServiceRequest) with its contrast and radiation.
 */
final class SafetyResourceMapper {

    /** NCI Thesaurus codes FHIR's Device.safety uses for the ASTM F2503 MR labels. */
    private static final String MR_SAFE = "C106045";
    private static final String MR_CONDITIONAL = "C106046";
    private static final String MR_UNSAFE = "C106047";

    CaseFragment allergy(AllergyIntolerance allergy, FhirSource source) throws RecordRejection {
        String patient = FhirValues.patientId(allergy.getPatient(), source.identity());
        LocalDate recorded = allergy.hasRecordedDateElement() ? FhirValues.day(allergy.getRecordedDateElement()) : null;
        String reaction = null;
        String severity = null;
        if (allergy.hasReaction()) {
            var first = allergy.getReactionFirstRep();
            reaction = first.hasManifestation() ? FhirValues.text(first.getManifestationFirstRep()) : null;
            severity = first.hasSeverity() ? first.getSeverity().toCode() : null;
        }
        String code = allergy.getCode().getCoding().stream().filter(Coding::hasCode).map(Coding::getCode)
                .findFirst().orElse(null);
        return source.fragment(patient, FragmentKind.ALLERGY, recorded, new Allergy(code,
                FhirValues.text(allergy.getCode()), reaction, severity, recorded, source.ref(recorded)));
    }

    CaseFragment device(Device device, FhirSource source) throws RecordRejection {
        String patient = FhirValues.patientId(device.getPatient(), source.identity());
        MrSafety safety = MrSafety.UNKNOWN;
        for (CodeableConcept label : device.getSafety()) {
            for (Coding coding : label.getCoding()) {
                if (MR_SAFE.equals(coding.getCode())) {
                    safety = MrSafety.MR_SAFE;
                } else if (MR_CONDITIONAL.equals(coding.getCode())) {
                    safety = MrSafety.MR_CONDITIONAL;
                } else if (MR_UNSAFE.equals(coding.getCode())) {
                    safety = MrSafety.MR_UNSAFE;
                }
            }
        }
        // The conditions of an MR-conditional device are on record when the export carries them as a note or
        // a device property (field strength, SAR limits); a bare label is not enough to scan safely.
        boolean conditions = device.hasNote() || device.hasProperty();
        String typeCode = device.getType().getCoding().stream().filter(Coding::hasCode).map(Coding::getCode)
                .findFirst().orElse(null);
        return source.fragment(patient, FragmentKind.DEVICE, null, new ImplantedDevice(
                FhirValues.text(device.getType()), typeCode, safety, conditions, source.ref(null)));
    }

    CaseFragment serviceRequest(ServiceRequest request, FhirSource source) throws RecordRejection, RecordSkip {
        String patient = FhirValues.patientId(request.getSubject(), source.identity());
        String description = FhirValues.text(request.getCode());
        String modality = description == null ? null : DiagnosticReportMapper.modality(request.getCode(), "");
        if (modality == null) {
            throw new RecordSkip("ServiceRequest: not an imaging request");
        }
        StringBuilder wording = new StringBuilder(description);
        request.getOrderDetail().forEach(detail -> wording.append(' ').append(FhirValues.text(detail)));
        String words = wording.toString().toLowerCase(Locale.ROOT);
        boolean contrast = (words.contains("contrast") || words.contains("gadolin") || words.contains("iodinated"))
                && !words.matches(".*\\b(without|w/o|no|non)[- ]contrast.*");
        boolean iodinated = contrast && ("CT".equals(modality) || words.contains("iod"));
        boolean gadolinium = contrast && ("MR".equals(modality) || words.contains("gadolin"));
        boolean ionizing = !"MR".equals(modality);
        LocalDate planned = request.hasOccurrenceDateTimeType() ? FhirValues.day(request.getOccurrenceDateTimeType())
                : request.hasAuthoredOnElement() ? FhirValues.day(request.getAuthoredOnElement()) : null;
        return source.fragment(patient, FragmentKind.PLANNED_IMAGING, planned, new PlannedImaging(description,
                modality, iodinated, gadolinium, ionizing, planned, source.ref(planned)));
    }
}
