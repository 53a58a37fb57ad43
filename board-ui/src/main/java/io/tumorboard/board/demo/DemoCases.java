package io.tumorboard.board.demo;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.Allergy;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.ClinicalFacts;
import io.tumorboard.model.cases.Demographics;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.ImplantedDevice;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.cases.ModalityPresence;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.Outcome;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.cases.Treatment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Five lung-cancer cases of the simulated demo site, written the way the pipeline assembles them. Their flags
 * carry the rules' published sources; their extracted facts point at real character spans of their reports.
 */
public final class DemoCases {

    public static final String SITE = "demo-hospital-a";
    private static final PatientKey KEYS = PatientKey.demo(SITE);

    private DemoCases() {
    }

    /** A demo case with the site's display identity (a fake MRN) beside it. */
    public record DemoCase(PatientCase patientCase, String displayIdentity) {
    }

    public static List<DemoCase> all() {
        return List.of(stageConflictWithRenalRisk(), lateralityConflict(), mriUnsafeDevice(), earlyStageStandard(),
                resectedSquamousStandard());
    }

    public static String keyOf(String mrn) {
        return KEYS.of(mrn);
    }

    /** pN2 found at resection after a cN0 work-up, and contrast CT planned with eGFR 28. */
    static DemoCase stageConflictWithRenalRisk() {
        String mrn = "MRN-100231";
        LocalDate dx = LocalDate.of(2026, 8, 4);
        SourceRef cond = SourceRef.fhir("Condition/cond-100231", dx);
        String path = "RIGHT UPPER LOBE, LOBECTOMY: Invasive adenocarcinoma, acinar predominant, 3.4 cm. "
                + "Visceral pleural invasion not identified. Margins negative. Lymph nodes: station 4R 2/3 positive, "
                + "station 7 1/2 positive. EGFR exon 19 deletion detected. PD-L1 TPS 5%. pT2a pN2.";
        String radiology = "CT chest with contrast: spiculated right upper lobe mass measuring 32 mm. No enlarged "
                + "mediastinal lymph nodes. No pleural effusion. Impression: cT2a N0 lesion.";
        String followUp = "CT chest: right upper lobe mass now 21 mm (was 32 mm). No new lesions. Partial response.";
        SourceRef pathSrc = new SourceRef(SourceRef.SourceKind.REPORT_TEXT, "DiagnosticReport/path-100231",
                LocalDate.of(2026, 9, 2));
        SourceRef ctSrc = SourceRef.fhir("DiagnosticReport/ct-100231-1", LocalDate.of(2026, 7, 28));
        SourceRef eGfrSrc = SourceRef.fhir("Observation/egfr-100231", LocalDate.of(2026, 11, 10));
        SourceRef planSrc = SourceRef.fhir("ServiceRequest/sr-100231", LocalDate.of(2026, 11, 12));
        SourceRef cN = SourceRef.fhir("Observation/cn-100231", LocalDate.of(2026, 8, 4));
        SourceRef pN = SourceRef.fhir("Observation/pn-100231", LocalDate.of(2026, 9, 2));
        PatientCase c = newCase(null, keyOf(mrn), SITE, 3, Instant.parse("2026-11-12T09:30:00Z"),
                new Demographics("female", 64),
                new PrimaryCancer("C34.1", "Upper lobe of right lung", Laterality.RIGHT, "Adenocarcinoma", "8140/3",
                        dx, cond),
                List.of(stage(StageBasis.CLINICAL, StageDescriptor.T, "T2a", dx, "ct"),
                        new StageObservation(StageBasis.CLINICAL, StageDescriptor.N, "N0", AjccEdition.EIGHTH, dx, cN),
                        stage(StageBasis.CLINICAL, StageDescriptor.M, "M0", dx, "cm"),
                        stage(StageBasis.CLINICAL, StageDescriptor.GROUP, "IB", dx, "cg"),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.T, "T2a", pathSrc.date(), "pt"),
                        new StageObservation(StageBasis.PATHOLOGICAL, StageDescriptor.N, "N2", AjccEdition.EIGHTH,
                                pathSrc.date(), pN),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.GROUP, "IIIA", pathSrc.date(), "pg")),
                List.of(new ImagingStudy("CT-100231-1", LocalDate.of(2026, 7, 28), "CT", radiomics(32.0, 4.91, 118.2),
                                radiology, facts(radiology, ReportField.TUMOR_SIZE_MM, "32", "32 mm",
                                        ReportField.CLINICAL_T, "T2a", "cT2a", ReportField.CLINICAL_N, "N0", "N0"),
                                List.of(new LesionMeasurement("L1", "lung", false, 32.0, false)), null, ctSrc),
                        new ImagingStudy("CT-100231-2", LocalDate.of(2026, 10, 20), "CT", radiomics(21.0, 4.52, 96.7),
                                followUp, facts(followUp, ReportField.TUMOR_SIZE_MM, "21", "21 mm",
                                        ReportField.RESPONSE, "PR", "Partial response"),
                                List.of(new LesionMeasurement("L1", "lung", false, 21.0, false)), "PR",
                                SourceRef.fhir("DiagnosticReport/ct-100231-2", LocalDate.of(2026, 10, 20)))),
                List.of(new PathologyReport("PATH-100231", pathSrc.date(), path,
                        facts(path, ReportField.HISTOLOGY, "Adenocarcinoma", "Invasive adenocarcinoma",
                                ReportField.TUMOR_SIZE_MM, "34", "3.4 cm",
                                ReportField.PLEURAL_INVASION, "ABSENT", "Visceral pleural invasion not identified",
                                ReportField.MARGIN, "NEGATIVE", "Margins negative",
                                ReportField.EGFR, "POSITIVE", "EGFR exon 19 deletion detected",
                                ReportField.PDL1_TPS, "5", "PD-L1 TPS 5%",
                                ReportField.PATHOLOGICAL_T, "T2a", "pT2a",
                                ReportField.PATHOLOGICAL_N, "N2", "pN2"), pathSrc)),
                new ClinicalFacts(1, SmokingStatus.FORMER, 30.0,
                        List.of(new LabResult("62238-1", "eGFR", 28.0, "mL/min/{1.73_m2}", eGfrSrc.date(), eGfrSrc)),
                        List.of(), List.of(),
                        List.of(new PlannedImaging("CT chest/abdomen with iodinated contrast", "CT", true, false, true,
                                LocalDate.of(2026, 11, 30), planSrc)), false),
                null, null,
                List.of(new CaseFlag(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT, Severity.CRITICAL, "N",
                                "Clinical N0 before surgery, pathological N2 at lobectomy: the stage group moves from IB "
                                        + "to IIIA.",
                                List.of(new Evidence("clinical N", "N0", cN), new Evidence("pathological N", "N2", pN)),
                                "STAGE-CP-N", "AJCC Cancer Staging Manual, 8th ed., ch. 36 (Lung)"),
                        new CaseFlag(FlagType.CONTRAST_RENAL_RISK, Severity.CRITICAL, "eGFR",
                                "Iodinated contrast CT planned with eGFR 28 mL/min/1.73 m2 (below 30).",
                                List.of(new Evidence("eGFR", "28 mL/min/1.73 m2", eGfrSrc),
                                        new Evidence("planned procedure", "CT chest/abdomen with iodinated contrast",
                                                planSrc)),
                                "SAFETY-CONTRAST-EGFR",
                                "ACR Manual on Contrast Media (2024), Contrast-associated AKI: eGFR < 30")));
        // The resection the pathology report comes from: on the timeline and in the treatments table.
        c = withTreatments(c, List.of(new Treatment(Treatment.TreatmentKind.SURGERY, "173171007", "Lobectomy of lung",
                LocalDate.of(2026, 9, 1), null, SourceRef.fhir("Procedure/proc-100231", LocalDate.of(2026, 9, 1)))));
        return new DemoCase(c, mrn);
    }

    /** The condition says left; the radiology report describes a right-sided mass. */
    static DemoCase lateralityConflict() {
        String mrn = "MRN-100388";
        LocalDate dx = LocalDate.of(2026, 9, 15);
        SourceRef cond = SourceRef.fhir("Condition/cond-100388", dx);
        String radiology = "CT chest: 41 mm mass in the right lower lobe abutting the pleura. Ipsilateral hilar node "
                + "14 mm short axis. No distant metastasis. Impression: cT2b N1 M0.";
        String path = "CT-guided core biopsy, lung: Squamous cell carcinoma, moderately differentiated (G2). "
                + "PD-L1 TPS 60%. ALK rearrangement not detected.";
        SourceRef ctSrc = SourceRef.fhir("DiagnosticReport/ct-100388", LocalDate.of(2026, 9, 10));
        SourceRef pathSrc = SourceRef.fhir("DiagnosticReport/path-100388", LocalDate.of(2026, 9, 18));
        PatientCase c = newCase(null, keyOf(mrn), SITE, 2, Instant.parse("2026-09-18T14:00:00Z"),
                new Demographics("male", 71),
                new PrimaryCancer("C34.3", "Lower lobe of left lung", Laterality.LEFT, "Squamous cell carcinoma",
                        "8070/3", dx, cond),
                List.of(stage(StageBasis.CLINICAL, StageDescriptor.T, "T2b", dx, "ct2"),
                        stage(StageBasis.CLINICAL, StageDescriptor.N, "N1", dx, "cn2"),
                        stage(StageBasis.CLINICAL, StageDescriptor.M, "M0", dx, "cm2"),
                        new StageObservation(StageBasis.CLINICAL, StageDescriptor.GROUP, "IIB", AjccEdition.SEVENTH, dx,
                                SourceRef.fhir("Observation/cg2-100388", dx))),
                List.of(new ImagingStudy("CT-100388", ctSrc.date(), "CT", radiomics(41.0, 5.12, 143.9), radiology,
                        facts(radiology, ReportField.TUMOR_SIZE_MM, "41", "41 mm", ReportField.LATERALITY, "RIGHT",
                                "right lower lobe", ReportField.CLINICAL_T, "T2b", "cT2b"),
                        List.of(new LesionMeasurement("L1", "lung", false, 41.0, false),
                                new LesionMeasurement("N1", "hilum", true, 14.0, false)), null, ctSrc)),
                List.of(new PathologyReport("PATH-100388", pathSrc.date(), path,
                        facts(path, ReportField.HISTOLOGY, "Squamous cell carcinoma", "Squamous cell carcinoma",
                                ReportField.GRADE, "G2", "moderately differentiated (G2)",
                                ReportField.PDL1_TPS, "60", "PD-L1 TPS 60%",
                                ReportField.ALK, "NEGATIVE", "ALK rearrangement not detected"), pathSrc)),
                new ClinicalFacts(1, SmokingStatus.CURRENT, 45.0, List.of(), List.of(), List.of(), List.of(), null),
                null, null,
                List.of(new CaseFlag(FlagType.LATERALITY_CONFLICT, Severity.CRITICAL, "laterality",
                                "The primary cancer is recorded on the left; the CT report places the mass on the right.",
                                List.of(new Evidence("condition laterality", "LEFT", cond),
                                        new Evidence("CT report laterality", "RIGHT", ctSrc)),
                                "LATERALITY-CONDITION-REPORT",
                                "SNOMED CT laterality qualifier (272741003); WHO Surgical Safety Checklist, site marking"),
                        new CaseFlag(FlagType.STAGE_EDITION_MISMATCH, Severity.WARNING, "stage group",
                                "Stage group IIB recorded under the 7th edition; T2b N1 M0 is IIB under 7th and 8th, "
                                        + "but the edition differs from the site's 8th-edition standard.",
                                List.of(new Evidence("clinical stage group", "IIB (7th)",
                                        SourceRef.fhir("Observation/cg2-100388", dx))),
                                "STAGE-EDITION", "AJCC Cancer Staging Manual, 7th ed. and 8th ed., lung chapters")));
        return new DemoCase(c, mrn);
    }

    /** MRI brain planned for a patient with an MR-unsafe pacemaker. */
    static DemoCase mriUnsafeDevice() {
        String mrn = "MRN-100412";
        LocalDate dx = LocalDate.of(2026, 10, 1);
        SourceRef devSrc = SourceRef.fhir("Device/dev-100412", LocalDate.of(2019, 3, 2));
        SourceRef planSrc = SourceRef.fhir("ServiceRequest/sr-100412", LocalDate.of(2026, 11, 14));
        String radiology = "PET-CT: FDG-avid left upper lobe mass 28 mm, SUVmax 11.2. FDG-avid adrenal nodule "
                + "suspicious for metastasis. Impression: cT1c N0 M1b.";
        SourceRef ctSrc = SourceRef.fhir("DiagnosticReport/pet-100412", LocalDate.of(2026, 9, 28));
        PatientCase c = newCase(null, keyOf(mrn), SITE, 1, Instant.parse("2026-11-14T08:00:00Z"),
                new Demographics("male", 77),
                new PrimaryCancer("C34.1", "Upper lobe of left lung", Laterality.LEFT, "Adenocarcinoma", "8140/3", dx,
                        SourceRef.fhir("Condition/cond-100412", dx)),
                List.of(stage(StageBasis.CLINICAL, StageDescriptor.T, "T1c", dx, "ct3"),
                        stage(StageBasis.CLINICAL, StageDescriptor.N, "N0", dx, "cn3"),
                        stage(StageBasis.CLINICAL, StageDescriptor.M, "M1b", dx, "cm3"),
                        stage(StageBasis.CLINICAL, StageDescriptor.GROUP, "IVA", dx, "cg3")),
                List.of(new ImagingStudy("PET-100412", ctSrc.date(), "PT", radiomics(28.0, 5.40, 131.0), radiology,
                        facts(radiology, ReportField.TUMOR_SIZE_MM, "28", "28 mm", ReportField.CLINICAL_M, "M1b",
                                "M1b"),
                        List.of(new LesionMeasurement("L1", "lung", false, 28.0, false),
                                new LesionMeasurement("A1", "adrenal", false, 17.0, false)), null, ctSrc)),
                List.of(),
                new ClinicalFacts(2, SmokingStatus.FORMER, 20.0, List.of(),
                        List.of(new Allergy(null, "Penicillin", "rash", "mild", LocalDate.of(2004, 1, 1),
                                SourceRef.fhir("AllergyIntolerance/al-100412", LocalDate.of(2004, 1, 1)))),
                        List.of(new ImplantedDevice("Cardiac pacemaker (non-MR-conditional)", "14106009",
                                MrSafety.MR_UNSAFE, false, devSrc)),
                        List.of(new PlannedImaging("MRI brain with gadolinium (staging)", "MR", false, true, false,
                                LocalDate.of(2026, 11, 28), planSrc)), false),
                null, null,
                List.of(new CaseFlag(FlagType.MRI_UNSAFE_DEVICE, Severity.CRITICAL, "implanted device",
                        "MRI brain planned; the patient has a pacemaker labelled MR Unsafe.",
                        List.of(new Evidence("device MR label", "MR Unsafe", devSrc),
                                new Evidence("planned procedure", "MRI brain with gadolinium (staging)", planSrc)),
                        "SAFETY-MRI-DEVICE", "ASTM F2503-20 MR safety labelling; ACR Manual on MR Safety (2024)")));
        return new DemoCase(c, mrn);
    }

    /** Stage IA adenocarcinoma, sources agree: a standard-of-care case for confirmation. */
    static DemoCase earlyStageStandard() {
        String mrn = "MRN-100455";
        LocalDate dx = LocalDate.of(2026, 10, 20);
        String path = "Wedge resection, left upper lobe: Invasive adenocarcinoma, lepidic predominant, 1.4 cm. "
                + "Margins negative. Lymph nodes 0/6. pT1b pN0.";
        SourceRef pathSrc = SourceRef.fhir("DiagnosticReport/path-100455", LocalDate.of(2026, 11, 3));
        PatientCase c = newCase(null, keyOf(mrn), SITE, 2, Instant.parse("2026-11-03T10:00:00Z"),
                new Demographics("female", 58),
                new PrimaryCancer("C34.1", "Upper lobe of left lung", Laterality.LEFT, "Adenocarcinoma", "8140/3", dx,
                        SourceRef.fhir("Condition/cond-100455", dx)),
                List.of(stage(StageBasis.CLINICAL, StageDescriptor.GROUP, "IA2", dx, "cg4"),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.T, "T1b", pathSrc.date(), "pt4"),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.N, "N0", pathSrc.date(), "pn4"),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.GROUP, "IA2", pathSrc.date(), "pg4")),
                List.of(),
                List.of(new PathologyReport("PATH-100455", pathSrc.date(), path,
                        facts(path, ReportField.HISTOLOGY, "Adenocarcinoma", "Invasive adenocarcinoma",
                                ReportField.TUMOR_SIZE_MM, "14", "1.4 cm", ReportField.MARGIN, "NEGATIVE",
                                "Margins negative", ReportField.PATHOLOGICAL_T, "T1b", "pT1b",
                                ReportField.PATHOLOGICAL_N, "N0", "pN0"), pathSrc)),
                new ClinicalFacts(0, SmokingStatus.NEVER, null, List.of(), List.of(), List.of(), List.of(), false),
                null, null, List.of());
        return new DemoCase(c, mrn);
    }

    /** Resected stage IIA squamous cell carcinoma, sources agree. */
    static DemoCase resectedSquamousStandard() {
        String mrn = "MRN-100502";
        LocalDate dx = LocalDate.of(2026, 9, 1);
        String path = "Right lower lobectomy: Squamous cell carcinoma, keratinizing, 4.6 cm. Margins negative. "
                + "Lymph nodes 0/11. pT2b pN0.";
        SourceRef pathSrc = SourceRef.fhir("DiagnosticReport/path-100502", LocalDate.of(2026, 10, 2));
        PatientCase c = newCase(null, keyOf(mrn), SITE, 2, Instant.parse("2026-10-02T12:00:00Z"),
                new Demographics("male", 69),
                new PrimaryCancer("C34.3", "Lower lobe of right lung", Laterality.RIGHT, "Squamous cell carcinoma",
                        "8070/3", dx, SourceRef.fhir("Condition/cond-100502", dx)),
                List.of(stage(StageBasis.CLINICAL, StageDescriptor.GROUP, "IIA", dx, "cg5"),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.T, "T2b", pathSrc.date(), "pt5"),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.N, "N0", pathSrc.date(), "pn5"),
                        stage(StageBasis.PATHOLOGICAL, StageDescriptor.GROUP, "IIA", pathSrc.date(), "pg5")),
                List.of(),
                List.of(new PathologyReport("PATH-100502", pathSrc.date(), path,
                        facts(path, ReportField.HISTOLOGY, "Squamous cell carcinoma", "Squamous cell carcinoma",
                                ReportField.TUMOR_SIZE_MM, "46", "4.6 cm", ReportField.PATHOLOGICAL_T, "T2b", "pT2b",
                                ReportField.PATHOLOGICAL_N, "N0", "pN0"), pathSrc)),
                new ClinicalFacts(1, SmokingStatus.FORMER, 40.0, List.of(), List.of(), List.of(), List.of(), null),
                null, null, List.of());
        return new DemoCase(c, mrn);
    }

    /** A case as the pipeline assembles it: modalities derived from what arrived, no extension fields. */
    private static PatientCase newCase(String schema, String key, String site, long version, Instant assembled,
            Demographics demographics, PrimaryCancer primary, List<StageObservation> staging,
            List<ImagingStudy> imaging, List<PathologyReport> pathology, ClinicalFacts clinical, Outcome outcome,
            ModalityPresence modalities, List<CaseFlag> flags) {
        return new PatientCase(schema, key, site, version, assembled, demographics, primary, staging, imaging,
                pathology, List.of(), clinical, outcome, modalities, flags, null);
    }

    private static PatientCase withTreatments(PatientCase c, List<Treatment> treatments) {
        return new PatientCase(c.schemaVersion(), c.caseKey(), c.site(), c.caseVersion(), c.assembledAt(),
                c.demographics(), c.primaryCancer(), c.staging(), c.imaging(), c.pathology(), treatments, c.clinical(),
                c.outcome(), c.modalities(), c.flags(), c.extensions());
    }

    private static StageObservation stage(StageBasis basis, StageDescriptor descriptor, String value, LocalDate date,
            String id) {
        return new StageObservation(basis, descriptor, value, AjccEdition.EIGHTH, date,
                SourceRef.fhir("Observation/" + id, date));
    }

    /** Three pyradiomics features: shape (mm), first-order entropy (bits) and GLCM contrast. */
    private static Map<String, Double> radiomics(double diameterMm, double entropy, double contrast) {
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("original_shape_Maximum3DDiameter", diameterMm);
        features.put("original_shape_MeshVolume", Math.round(Math.PI / 6 * Math.pow(diameterMm, 3) * 10) / 10.0);
        features.put("original_firstorder_Entropy", entropy);
        features.put("original_glcm_Contrast", contrast);
        return features;
    }

    /**
     * Facts at the span where their evidence text occurs; arguments come in threes (field, value, evidence).
     * A missing evidence text is a programming error in the demo data and fails loudly.
     */
    static List<ExtractedFact> facts(String text, Object... triples) {
        List<ExtractedFact> facts = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            String evidence = (String) triples[i + 2];
            int start = text.indexOf(evidence);
            if (start < 0) {
                throw new IllegalStateException("demo evidence '" + evidence + "' is not in its report");
            }
            boolean negated = evidence.contains("not ");
            facts.add(new ExtractedFact((ReportField) triples[i], (String) triples[i + 1], start,
                    start + evidence.length(), negated));
        }
        return facts;
    }
}
