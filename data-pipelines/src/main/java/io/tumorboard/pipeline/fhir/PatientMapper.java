package io.tumorboard.pipeline.fhir;

import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.PatientFacts;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** Patient to its MRN (identifier of type {@code MR}, HL7 v2 table 0203), sex and birth date. */
final class PatientMapper {

    private PatientMapper() {
    }

    static CaseFragment map(Patient patient, FhirSource source) throws RecordRejection {
        String mrn = patient.getIdentifier().stream()
                .filter(id -> id.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode())))
                .map(Identifier::getValue)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElseThrow(() -> new RecordRejection(RejectionCode.MISSING_FIELD,
                        source.identity() + " has no medical record number (identifier of type MR)"));
        String sex = patient.hasGender() ? patient.getGender().toCode() : "unknown";
        LocalDate birth = patient.hasBirthDateElement() ? FhirValues.day(patient.getBirthDateElement()) : null;
        LocalDate deceased = patient.hasDeceasedDateTimeType() ? FhirValues.day(patient.getDeceasedDateTimeType()) : null;
        LocalDate lastContact = null;
        for (Extension extension : patient.getExtension()) {
            if (extension.getUrl() != null && extension.getUrl().endsWith("last-contact-date")
                    && extension.getValue() instanceof BaseDateTimeType date) {
                lastContact = FhirValues.day(date);
            }
        }
        String id = patient.getIdElement().getIdPart();
        LocalDate lastKnown = deceased != null ? deceased : lastContact;
        return source.fragment(id, FragmentKind.PATIENT, lastKnown,
                new PatientFacts(mrn, sex, birth, deceased, lastContact));
    }
}
