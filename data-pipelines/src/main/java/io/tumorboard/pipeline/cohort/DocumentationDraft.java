package io.tumorboard.pipeline.cohort;

import static io.tumorboard.pipeline.cohort.DocumentationPlanner.fmt;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.MrSafety;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The mutable draft of one patient's documentation, as {@link DocumentationPlanner} fills it in: the truth and its
 * legitimate background first, then at most one injected discrepancy with its ground truth.
 */
final class DocumentationDraft {
    private final LatentPatient p;
    private final SiteProfile profile;
    private final ResourceIds ids;
    private final List<InjectedDiscrepancy> discrepancies = new ArrayList<>();
    private final String pathologyDocument;
    private Documentation.Staging clinical;
    private LocalDate clinicalDate;
    private Documentation.Staging pathological;
    private Laterality conditionLaterality;
    private Laterality reportLaterality;
    private Histology conditionHistology;
    private double imagingSizeMm;
    private Double pathologySizeMm;
    private double egfr;
    private String contrastReaction;
    private Implant implant;
    private PlannedStudy planned;
    private Boolean pregnant;

    DocumentationDraft(LatentPatient p, ResourceIds ids, SiteProfile profile) {
        this.p = p;
        this.profile = profile;
        this.ids = ids;
        this.pathologyDocument = profile.pathologyAsTextFiles()
                ? ResourceIds.pathologyTextFile(p.mrn(), p.pathologyReportDate())
                : "DiagnosticReport/" + ids.pathologyReport();
    }

    void background(RandomGenerator random) {
        clinical = new Documentation.Staging(p.documentedT(), p.n(), p.documentedM(), p.documentedGroup());
        clinicalDate = p.diagnosisDate();
        conditionLaterality = p.laterality();
        reportLaterality = p.laterality();
        conditionHistology = p.histology();
        // Radiology and pathology measure the same tumour within a few mm (RECIST: 1 mm precision on CT).
        imagingSizeMm = Math.round(p.sizeMm() + Math.max(-4, Math.min(4, 1.5 * random.nextGaussian())));
        egfr = p.egfr();
        if (p.surgery() && p.hasPathology()) {
            pathological = clinical;
            pathologySizeMm = (double) Math.round(p.sizeMm());
            if (p.neoadjuvant()) {
                restageAfterNeoadjuvantTherapy();
            } else if (!p.n().equals("N0") && !p.n().equals("N3") && random.nextDouble() < 0.35) {
                restageOccultNodes();
            }
        }
        double plannedDraw = random.nextDouble();
        planned = plannedDraw < 0.5 ? PlannedStudy.CT_CHEST_WITH_CONTRAST
                : plannedDraw < 0.6 ? PlannedStudy.CT_CHEST_WITHOUT_CONTRAST
                : plannedDraw < 0.8 ? PlannedStudy.MRI_BRAIN_WITH_GADOLINIUM : PlannedStudy.PET_CT;
        if (random.nextDouble() < 0.06) {
            contrastReaction = random.nextBoolean() ? "Urticaria" : "Anaphylaxis";
        }
        if (random.nextDouble() < 0.02) {
            egfr = 15 + random.nextInt(15);
        }
        double deviceDraw = random.nextDouble();
        if (deviceDraw < 0.03) {
            implant = Implant.pacemaker(MrSafety.MR_CONDITIONAL, "MR Conditional: 1.5 T and 3 T, SureScan mode on,"
                    + " whole-body SAR <= 2 W/kg, exclusion zone none");
        } else if (deviceDraw < 0.05) {
            implant = Implant.cochlearImplant(MrSafety.MR_SAFE, null);
        } else if (deviceDraw < 0.07) {
            implant = Implant.pacemaker(MrSafety.MR_UNSAFE, null);
        } else if (deviceDraw < 0.08) {
            implant = Implant.defibrillator(MrSafety.MR_CONDITIONAL, null);
        }
        // The background never plans what its own safety context forbids (ACR Manual on Contrast Media;
        // ASTM F2503): such orders exist only as injected discrepancies.
        // A contrast reaction also raises the risk for the other contrast class, and gadolinium with eGFR
        // under 30 risks nephrogenic systemic fibrosis: such patients get imaging without contrast.
        boolean contrastRisk = contrastReaction != null || egfr < 30;
        if (contrastRisk && (planned.iodinatedContrast() || planned.gadolinium())) {
            planned = planned.iodinatedContrast() ? PlannedStudy.CT_CHEST_WITHOUT_CONTRAST : PlannedStudy.PET_CT;
        }
        if (implantForbidsMri() && planned == PlannedStudy.MRI_BRAIN_WITH_GADOLINIUM) {
            planned = PlannedStudy.PET_CT;
        }
    }

    /**
     * A site that screens records "not pregnant" a week before the planned imaging for that share of its women
     * of reproductive age; the others' status is not on record. The background has no pregnant patient.
     */
    void pregnancyStatus(RandomGenerator screening) {
        if (possiblyPregnant() && screening.nextDouble() < profile.pregnancyStatusRate()) {
            pregnant = false;
        }
    }

    private boolean possiblyPregnant() {
        return "female".equals(p.sex()) && p.ageYears() >= DocumentationPlanner.REPRODUCTIVE_AGE_MIN
                && p.ageYears() <= DocumentationPlanner.REPRODUCTIVE_AGE_MAX;
    }

    private boolean implantForbidsMri() {
        return implant != null && (implant.mrSafety() == MrSafety.MR_UNSAFE
                || implant.mrSafety() == MrSafety.MR_CONDITIONAL && implant.conditions() == null);
    }

    /** One injected flag per patient: gadolinium is ordered, so no background contrast risk stays beside it. */
    private void clearContrastRisk() {
        contrastReaction = null;
        egfr = p.egfr();
    }

    /** ypTNM after neoadjuvant chemotherapy: the tumour shrinks and N2 may clear to N1 or N0. */
    private void restageAfterNeoadjuvantTherapy() {
        List<String> ts = p.documentedEdition() == AjccEdition.SEVENTH ? LungStageGroups.T_7TH
                : LungStageGroups.T_8TH;
        pathologySizeMm = (double) Math.round(p.sizeMm() * 0.55);
        String yT = LungStageGroups.tFromSize(p.documentedEdition(), pathologySizeMm, p.invadesT4Structure());
        String yN = p.n().equals("N2") ? "N1" : p.n();
        if (yT.equals(clinical.t()) && yN.equals(clinical.n())) {
            yT = ts.get(Math.max(0, ts.indexOf(clinical.t()) - 1));
        }
        String group = LungStageGroups.group(p.documentedEdition(), yT, yN, clinical.m());
        pathological = new Documentation.Staging(yT, yN, clinical.m(), group);
        // One truth line per descriptor that changed, as a rule raises one flag per descriptor.
        String[][] changes = {{"T", clinical.t(), yT}, {"N", clinical.n(), yN}};
        for (String[] change : changes) {
            if (!change[1].equals(change[2])) {
                char d = change[0].charAt(0);
                discrepancies.add(new InjectedDiscrepancy(FlagType.EXPECTED_RESTAGING, change[0],
                        "Observation/" + ids.stage('c', d), "Observation/" + ids.stage('p', d),
                        values("clinical", "c" + change[1], "pathological", "yp" + change[2]),
                        "Legitimate re-staging: neoadjuvant chemotherapy (Procedure/" + ids.neoadjuvant()
                                + ") precedes the lobectomy; not a discrepancy."));
            }
        }
    }

    void inject(FlagType type, RandomGenerator random) {
        switch (type) {
            case CLINICAL_PATHOLOGICAL_STAGE_CONFLICT -> injectStageConflict(random);
            case STAGE_GROUP_INCONSISTENT -> injectInconsistentGroup(random);
            case LATERALITY_CONFLICT -> injectLaterality();
            case TUMOR_SIZE_CONFLICT -> injectSizeConflict(random);
            case HISTOLOGY_CONFLICT -> injectHistology(random);
            case CONTRAST_ALLERGY -> {
                contrastReaction = random.nextBoolean() ? "Urticaria" : "Anaphylaxis";
                // One injected flag per patient: the background's low eGFR, if any, goes back to the truth.
                egfr = p.egfr();
                planned = PlannedStudy.CT_CHEST_WITH_CONTRAST;
                add(type, "contrast", "AllergyIntolerance/" + ids.allergy(),
                        "ServiceRequest/" + ids.plannedImaging(),
                        values("allergy", "Iodinated contrast media (" + contrastReaction + ")", "planned",
                                planned.description()),
                        "Contrast CT ordered for a patient with a recorded iodinated-contrast reaction.");
            }
            case CONTRAST_RENAL_RISK -> {
                egfr = 12 + random.nextInt(18);
                // One injected flag per patient: no background contrast allergy beside it.
                contrastReaction = null;
                planned = PlannedStudy.CT_CHEST_WITH_CONTRAST;
                add(type, "eGFR", "Observation/" + ids.egfr(), "ServiceRequest/" + ids.plannedImaging(),
                        values("eGFR", fmt(egfr) + " mL/min/{1.73_m2}", "planned", planned.description()),
                        "Contrast CT ordered with eGFR below 30 mL/min/1.73 m2 (ACR Manual on Contrast Media).");
            }
            case MRI_UNSAFE_DEVICE -> {
                implant = Implant.pacemaker(MrSafety.MR_UNSAFE, null);
                clearContrastRisk();
                planned = PlannedStudy.MRI_BRAIN_WITH_GADOLINIUM;
                add(type, "device", "Device/" + ids.device(), "ServiceRequest/" + ids.plannedImaging(),
                        values("device", "Cardiac pacemaker, MR Unsafe", "planned", planned.description()),
                        "MRI ordered for a patient with an MR Unsafe implant (ASTM F2503).");
            }
            case MRI_CONDITIONAL_DEVICE_UNDOCUMENTED -> {
                implant = Implant.defibrillator(MrSafety.MR_CONDITIONAL, null);
                clearContrastRisk();
                planned = PlannedStudy.MRI_BRAIN_WITH_GADOLINIUM;
                add(type, "device", "Device/" + ids.device(), "ServiceRequest/" + ids.plannedImaging(),
                        values("device", "Implantable defibrillator, MR Conditional, no conditions on record",
                                "planned", planned.description()),
                        "MRI ordered with an MR Conditional implant whose conditions of use are not on record.");
            }
            case RADIATION_IN_PREGNANCY -> {
                pregnant = true;
                clearContrastRisk();
                planned = PlannedStudy.CT_CHEST_WITHOUT_CONTRAST;
                add(type, "pregnancy", "Observation/" + ids.pregnancyStatus(),
                        "ServiceRequest/" + ids.plannedImaging(),
                        values("pregnancy status", "pregnant", "planned", planned.description()),
                        "CT ordered for a patient whose pregnancy status is pregnant (ACR-SPR practice parameter"
                                + " for imaging pregnant patients with ionising radiation).");
            }
            default -> throw new IllegalArgumentException("the generator does not inject " + type);
        }
    }

    /**
     * Occult nodal disease: CT showed no enlarged node (cN0) and the resection found N1/N2. Re-staging after
     * surgery, the commonest reason clinical and pathological stage differ; not a discrepancy.
     */
    private void restageOccultNodes() {
        clinical = clinical.withN("N0");
        clinical = clinical.withGroup(LungStageGroups.group(p.documentedEdition(), clinical.t(), "N0",
                clinical.m()));
        discrepancies.add(new InjectedDiscrepancy(FlagType.EXPECTED_RESTAGING, "N",
                "Observation/" + ids.stage('c', 'N'), "Observation/" + ids.stage('p', 'N'),
                values("clinical", "cN0", "pathological", "p" + p.n()),
                "Legitimate re-staging: occult nodal disease found at the lobectomy (Procedure/" + ids.surgery()
                        + "), staged after the clinical N0; not a discrepancy."));
    }

    boolean restagedAtSurgery() {
        return pathological != null && !pathological.equals(clinical);
    }

    /**
     * A same-time conflict: the clinical stage is documented on the day of the resection, beside the
     * pathological one (abstracted together), and cT or cN differs from pT or pN: no order of events explains it.
     */
    private void injectStageConflict(RandomGenerator random) {
        List<String> ts = p.documentedEdition() == AjccEdition.SEVENTH ? LungStageGroups.T_7TH
                : LungStageGroups.T_8TH;
        boolean onT = random.nextDouble() < 0.65;
        String before;
        String after;
        if (onT) {
            int i = ts.indexOf(clinical.t());
            int j = i + (i + 2 < ts.size() && (i < 2 || random.nextBoolean()) ? 2 : -2);
            j = Math.max(0, Math.min(ts.size() - 1, j));
            before = clinical.t();
            after = ts.get(j == i ? (i == 0 ? 1 : i - 1) : j);
            clinical = clinical.withT(after);
        } else {
            int i = LungStageGroups.N.indexOf(clinical.n());
            before = clinical.n();
            after = LungStageGroups.N.get(i == 0 ? 2 : i >= 2 ? 0 : 2);
            clinical = clinical.withN(after);
        }
        clinical = clinical.withGroup(LungStageGroups.group(p.documentedEdition(), clinical.t(), clinical.n(),
                clinical.m()));
        clinicalDate = p.surgeryDate();
        String d = onT ? "T" : "N";
        add(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT, d, "Observation/" + ids.stage('c', d.charAt(0)),
                "Observation/" + ids.stage('p', d.charAt(0)),
                values("clinical", "c" + after, "pathological", "p" + before),
                "Clinical " + d + " mis-documented (truth is the pathological " + before + "); both stagings dated"
                        + " the day of the resection, so no order of events explains the difference.");
    }

    private void injectInconsistentGroup(RandomGenerator random) {
        List<String> groups = p.documentedEdition() == AjccEdition.SEVENTH
                ? List.of("IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IV")
                : List.of("IA1", "IA2", "IA3", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IVA", "IVB");
        AjccEdition other = p.documentedEdition() == AjccEdition.SEVENTH ? AjccEdition.EIGHTH : AjccEdition.SEVENTH;
        // Right under no edition at all: a group right under another edition is an edition mismatch instead.
        Set<String> rightElsewhere = new HashSet<>(
                LungStageGroups.groupsUnderSixthOrNinth(clinical.t(), clinical.n(), clinical.m()));
        String otherGroup = groupOrNull(other, clinical);
        if (otherGroup != null) {
            rightElsewhere.add(otherGroup);
        }
        int i = groups.indexOf(clinical.group());
        List<String> candidates = new ArrayList<>();
        for (int step : new int[] {1, -1, 2, -2, 3, -3}) {
            int j = i + step;
            if (j >= 0 && j < groups.size() && !rightElsewhere.contains(groups.get(j))) {
                candidates.add(groups.get(j));
            }
        }
        String wrong = candidates.get(random.nextInt(Math.min(2, candidates.size())));
        String right = clinical.group();
        clinical = clinical.withGroup(wrong);
        add(FlagType.STAGE_GROUP_INCONSISTENT, "GROUP", "Observation/" + ids.stage('c', 'G'),
                "Observation/" + ids.stage('c', 'T'),
                values("documented group", wrong, "group of c" + clinical.t() + " c" + clinical.n() + " c"
                        + clinical.m() + " (AJCC " + p.documentedEdition().label() + ")", right),
                "Clinical stage group contradicts its own TNM under AJCC " + p.documentedEdition().label()
                        + " lung; it is not the group of another edition either.");
    }

    private static String groupOrNull(AjccEdition edition, Documentation.Staging s) {
        try {
            return LungStageGroups.group(edition, s.t(), s.n(), s.m());
        } catch (IllegalArgumentException notInThatEdition) {
            return null;
        }
    }

    private void injectLaterality() {
        reportLaterality = p.laterality() == Laterality.LEFT ? Laterality.RIGHT : Laterality.LEFT;
        String report = p.hasPathology() ? pathologyDocument : "DiagnosticReport/" + ids.radiologyReport();
        add(FlagType.LATERALITY_CONFLICT, "laterality", "Condition/" + ids.condition(), report,
                values("condition", conditionLaterality.name(), "report", reportLaterality.name()),
                "The " + (p.hasPathology() ? "pathology" : "radiology")
                        + " report names the other side than the coded primary site.");
    }

    private void injectSizeConflict(RandomGenerator random) {
        // Radiology measured another structure (atelectasis included in the measurement) or a cm/mm slip.
        double factor = random.nextBoolean() ? 2.0 : 0.45;
        imagingSizeMm = Math.round(p.sizeMm() * factor);
        if (Math.abs(imagingSizeMm - pathologySizeMm) < 15) {
            imagingSizeMm = Math.round(pathologySizeMm + 20);
        }
        add(FlagType.TUMOR_SIZE_CONFLICT, "size", "Observation/" + ids.tumorSize(), pathologyDocument,
                values("imaging", fmt(imagingSizeMm) + " mm", "pathology", fmt(pathologySizeMm) + " mm"),
                "Staging CT size and resection specimen size differ by more than 15 mm and 40%.");
    }

    private void injectHistology(RandomGenerator random) {
        List<Histology> others = new ArrayList<>(List.of(Histology.values()));
        others.remove(p.histology());
        conditionHistology = others.get(random.nextInt(others.size()));
        add(FlagType.HISTOLOGY_CONFLICT, "histology", "Condition/" + ids.condition(), pathologyDocument,
                values("condition", conditionHistology.icdO3() + " " + conditionHistology.display(), "pathology",
                        p.histology().display()),
                "The coded morphology on the Condition differs from the histology the pathology report states.");
    }

    private void add(FlagType type, String descriptor, String a, String b, Map<String, String> values,
            String note) {
        discrepancies.add(new InjectedDiscrepancy(type, descriptor, a, b, values, note));
    }

    Documentation build() {
        if (pregnant == null && possiblyPregnant() && planned.ionizing()) {
            // Not injected, but what the ACR-SPR parameter asks to be caught: a woman of reproductive age is
            // screened before ionising imaging, and this record holds no pregnancy status.
            add(FlagType.RADIATION_IN_PREGNANCY, "pregnancy status", "Patient/" + ids.patient(),
                    "ServiceRequest/" + ids.plannedImaging(),
                    values("pregnancy status", "not recorded", "planned", planned.description()),
                    "Ionising imaging ordered for a woman of " + p.ageYears() + " without a pregnancy status on "
                            + "record (ACR-SPR: screen before the exposure).");
        }
        return new Documentation(clinical, clinicalDate, pathological, conditionLaterality, reportLaterality,
                conditionHistology, p.histology(), imagingSizeMm, pathologySizeMm, egfr, contrastReaction,
                implant, planned, pregnant, pathologyDocument, List.copyOf(discrepancies));
    }

    private static Map<String, String> values(String labelA, String a, String labelB, String b) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(labelA, a);
        values.put(labelB, b);
        return values;
    }
}
