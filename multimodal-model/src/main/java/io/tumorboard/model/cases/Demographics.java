package io.tumorboard.model.cases;

/**
 * What the board needs of the person, and no more: no name, no birth date, no address.
 *
 * @param sex administrative sex as FHIR writes it ({@code male}, {@code female}, {@code other}, {@code unknown})
 * @param ageAtDiagnosisYears age in whole years at the primary diagnosis, null when unknown
 */
public record Demographics(String sex, Integer ageAtDiagnosisYears) {
}
