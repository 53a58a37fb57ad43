package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.SmokingStatus;
import java.time.LocalDate;

/**
 * One simulated patient's latent truth: what is really the case, before any record is written about it.
 * The T, N, M and group are the true pre-treatment (8th edition) categories; {@code documentedEdition} is the
 * edition the site stages this patient under.
 *
 * @param site the hospital
 * @param token the patient's stable position token at the site ({@code p0007}), used in resource ids
 * @param mrn the site's medical record number
 * @param caseKey {@code PatientKey.demo(site).of(mrn)}
 * @param sex FHIR administrative gender
 * @param birthDate date of birth
 * @param diagnosisDate date of the diagnostic biopsy
 * @param ageYears age at diagnosis (years)
 * @param histology true histology
 * @param laterality side of the primary
 * @param lobe lobe of the primary
 * @param sizeMm true greatest dimension (mm)
 * @param invadesT4Structure invasion of mediastinum, heart or great vessels (T4 regardless of size)
 * @param t true T (8th)
 * @param n true N
 * @param m true M (8th)
 * @param group true stage group (8th)
 * @param documentedEdition edition the site uses for this patient
 * @param ecog ECOG performance status 0-4
 * @param smoking smoking status
 * @param packYears pack-years (null for never smokers)
 * @param egfr eGFR (mL/min/1.73 m2)
 * @param lymphovascularInvasion true lymphovascular invasion (pathology-only finding)
 * @param marginPositive true R1 resection margin (pathology-only finding; false without surgery)
 * @param surgery whether the patient has a lobectomy
 * @param neoadjuvant whether chemotherapy precedes surgery
 * @param neoadjuvantDate start of neoadjuvant chemotherapy, or null
 * @param surgeryDate date of the lobectomy, or null
 * @param radiomicsSignal the three latent radiomics signals (standard normal) that drive survival
 * @param linearPredictor the Weibull model's linear predictor (log hazard ratio)
 * @param eventDays latent time to death (days from diagnosis)
 * @param followUpDays observed follow-up (days): min(event, administrative, random censoring)
 * @param death whether death was observed
 * @param lastKnownDate date of death or last contact
 * @param hasImaging whether the site exports imaging for this patient
 * @param hasPathology whether the site exports pathology for this patient
 */
record LatentPatient(
        String site,
        String token,
        String mrn,
        String caseKey,
        String sex,
        LocalDate birthDate,
        LocalDate diagnosisDate,
        int ageYears,
        Histology histology,
        Laterality laterality,
        Lobe lobe,
        double sizeMm,
        boolean invadesT4Structure,
        String t,
        String n,
        String m,
        String group,
        AjccEdition documentedEdition,
        int ecog,
        SmokingStatus smoking,
        Double packYears,
        double egfr,
        boolean lymphovascularInvasion,
        boolean marginPositive,
        boolean surgery,
        boolean neoadjuvant,
        LocalDate neoadjuvantDate,
        LocalDate surgeryDate,
        double[] radiomicsSignal,
        double linearPredictor,
        double eventDays,
        int followUpDays,
        boolean death,
        LocalDate lastKnownDate,
        boolean hasImaging,
        boolean hasPathology) {

    /** T under the documented edition. */
    String documentedT() {
        return LungStageGroups.tFromSize(documentedEdition, sizeMm, invadesT4Structure);
    }

    /** M under the documented edition. */
    String documentedM() {
        return documentedEdition == AjccEdition.SEVENTH ? LungStageGroups.m7thOf(m) : m;
    }

    /** Group under the documented edition. */
    String documentedGroup() {
        return LungStageGroups.group(documentedEdition, documentedT(), n, documentedM());
    }

    /** Date of the staging CT: ten days before the biopsy. */
    LocalDate stagingCtDate() {
        return diagnosisDate.minusDays(10);
    }

    /** Issue date of the pathology report: four days after resection, or the biopsy date without resection. */
    LocalDate pathologyReportDate() {
        return surgery ? surgeryDate.plusDays(4) : diagnosisDate;
    }

    /** Date the ordered imaging is planned for: 90 days after diagnosis, or the last contact if sooner. */
    LocalDate plannedImagingDate() {
        LocalDate planned = diagnosisDate.plusDays(90);
        return lastKnownDate.isBefore(planned) ? lastKnownDate : planned;
    }
}
