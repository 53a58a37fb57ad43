package io.tumorboard.model.cases;

import java.time.LocalDate;

/**
 * A laboratory value.
 *
 * @param loincCode LOINC code, e.g. {@code 62238-1} for eGFR (CKD-EPI)
 * @param name display name, e.g. {@code eGFR}
 * @param value numeric value in {@code unit}
 * @param unit UCUM unit, e.g. {@code mL/min/{1.73_m2}}
 * @param date effective date
 * @param source the Observation
 */
public record LabResult(String loincCode, String name, double value, String unit, LocalDate date, SourceRef source) {
}
