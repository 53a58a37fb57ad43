package io.tumorboard.pipeline.ingest;

import java.time.LocalDate;

/**
 * What a Patient resource gives the case. The MRN stays inside the job: it goes only to the site's own
 * {@code patient_display_identity} table, never into a case.
 *
 * @param mrn the site's medical record number
 * @param sex administrative sex as FHIR writes it
 * @param birthDate birth date, for age at diagnosis; may be null
 * @param deceasedDate date of death ({@code Patient.deceasedDateTime}), null when alive or unknown
 * @param lastContactDate date of last contact (a {@code last-contact-date} extension), null when not exported
 */
public record PatientFacts(String mrn, String sex, LocalDate birthDate, LocalDate deceasedDate,
                           LocalDate lastContactDate) {
}
