package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.Laterality;
import java.time.LocalDate;
import java.util.List;

/**
 * What a patient's records state, which is the latent truth plus whatever the injected discrepancies changed.
 * Every exporter (FHIR, report text, radiomics) and the expected case read this one object, so they agree.
 *
 * @param clinical the clinical TNM and group as documented (documented edition)
 * @param clinicalDate effective date of the clinical staging Observations (the diagnosis date, or the
 *     resection date where a same-time conflict is injected)
 * @param pathological the pathological TNM and group as documented, or null without resection or pathology
 * @param conditionLaterality laterality coded on the Condition
 * @param reportLaterality laterality the report text states
 * @param conditionHistology histology coded on the Condition
 * @param reportHistology histology the pathology text states
 * @param imagingSizeMm size the staging CT states (mm)
 * @param pathologySizeMm size the resection specimen states (mm), or null without resection
 * @param egfr eGFR on record (mL/min/1.73 m2)
 * @param contrastReaction the reaction of a recorded iodinated-contrast allergy, or null without one
 * @param implant an implanted device, or null
 * @param planned the imaging on order
 * @param pregnant the pregnancy status on record (LOINC 82810-3), or null where none is
 * @param pathologyDocument the pathology report's id: {@code DiagnosticReport/...} or a text file path
 * @param discrepancies what was injected or is legitimate re-staging
 */
record Documentation(
        Staging clinical,
        LocalDate clinicalDate,
        Staging pathological,
        Laterality conditionLaterality,
        Laterality reportLaterality,
        Histology conditionHistology,
        Histology reportHistology,
        double imagingSizeMm,
        Double pathologySizeMm,
        double egfr,
        String contrastReaction,
        Implant implant,
        PlannedStudy planned,
        Boolean pregnant,
        String pathologyDocument,
        List<InjectedDiscrepancy> discrepancies) {

    /**
     * One documented TNM with its stage group.
     *
     * @param t T without prefix, e.g. {@code T2a}
     * @param n N without prefix
     * @param m M without prefix
     * @param group the group as documented (may contradict T, N, M when injected)
     */
    record Staging(String t, String n, String m, String group) {

        Staging withT(String newT) {
            return new Staging(newT, n, m, group);
        }

        Staging withN(String newN) {
            return new Staging(t, newN, m, group);
        }

        Staging withGroup(String newGroup) {
            return new Staging(t, n, m, newGroup);
        }
    }
}
