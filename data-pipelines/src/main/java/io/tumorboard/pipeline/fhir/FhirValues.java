package io.tumorboard.pipeline.fhir;

import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/** Small readings of FHIR datatypes shared by the resource mappers. */
final class FhirValues {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";

    private FhirValues() {
    }

    /** The day of a FHIR date or dateTime, as written (no time-zone shift); null for year or month precision. */
    static LocalDate day(BaseDateTimeType value) {
        if (value == null || value.getValueAsString() == null || value.getValueAsString().length() < 10) {
            return null;
        }
        return LocalDate.parse(value.getValueAsString().substring(0, 10));
    }

    static long epochMillis(LocalDate day) {
        return day == null ? 0L : day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * The id of the Patient a reference points to: {@code Patient/abc}, {@code urn:uuid:abc} (as Bulk exports
     * and mCODE tools write it) or a full URL ending in {@code Patient/abc}.
     */
    static String patientId(Reference reference, String what) throws RecordRejection {
        if (reference == null || !reference.hasReference()) {
            throw new RecordRejection(RejectionCode.MISSING_FIELD, what + " has no patient reference");
        }
        String ref = reference.getReference();
        if (ref.startsWith("urn:uuid:")) {
            return ref.substring("urn:uuid:".length());
        }
        int patient = ref.lastIndexOf("Patient/");
        if (patient >= 0) {
            return ref.substring(patient + "Patient/".length());
        }
        throw new RecordRejection(RejectionCode.BAD_VALUE, what + " refers to '" + ref + "', not to a Patient");
    }

    static Optional<Coding> coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem()) && c.hasCode()).findFirst();
    }

    /** The text a person reads: the concept's text, else its first display, else its first code. */
    static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst()
                .orElse(concept.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst()
                        .orElse(null));
    }

    static String codes(CodeableConcept concept) {
        if (concept == null || concept.getCoding().isEmpty()) {
            return "(no code)";
        }
        StringBuilder out = new StringBuilder();
        for (Coding c : concept.getCoding()) {
            out.append(out.length() == 0 ? "" : ", ").append(c.getSystem()).append('|').append(c.getCode());
        }
        return out.toString();
    }
}
