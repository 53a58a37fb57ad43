package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.MrSafety;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Decides what a patient's records state: the truth, the legitimate background (re-staging after neoadjuvant
 * therapy, allergies and devices that are safe with what is ordered) and, for about 15% of patients, one injected
 * discrepancy with its ground truth. Background is drawn so that no flag condition arises by accident: a rule that
 * fires on a patient without an injected discrepancy is a false positive.
 */
final class DocumentationPlanner {

    /** Share of patients who get one injected discrepancy. */
    static final double DISCREPANCY_RATE = 0.15;

    private final SiteProfile profile;

    DocumentationPlanner(SiteProfile profile) {
        this.profile = profile;
    }

    Documentation plan(LatentPatient p, RandomGenerator random) {
        ResourceIds ids = new ResourceIds(p);
        Plan plan = new Plan(p, ids, profile);
        plan.background(random);
        if (random.nextDouble() < DISCREPANCY_RATE) {
            List<FlagType> eligible = eligible(p);
            plan.inject(eligible.get(random.nextInt(eligible.size())), random);
        }
        return plan.build();
    }

    private static List<FlagType> eligible(LatentPatient p) {
        List<FlagType> types = new ArrayList<>(List.of(FlagType.STAGE_GROUP_INCONSISTENT, FlagType.CONTRAST_ALLERGY,
                FlagType.CONTRAST_RENAL_RISK, FlagType.MRI_UNSAFE_DEVICE,
                FlagType.MRI_CONDITIONAL_DEVICE_UNDOCUMENTED));
        if (p.surgery() && p.hasPathology() && !p.neoadjuvant()) {
            // Listed twice: few patients qualify, and an evaluation needs enough of each type.
            types.add(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT);
            types.add(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT);
            if (p.hasImaging()) {
                types.add(FlagType.TUMOR_SIZE_CONFLICT);
                types.add(FlagType.TUMOR_SIZE_CONFLICT);
            }
        }
        if (p.hasPathology() || p.hasImaging()) {
            types.add(FlagType.LATERALITY_CONFLICT);
        }
        if (p.hasPathology()) {
            types.add(FlagType.HISTOLOGY_CONFLICT);
        }
        return types;
    }

    /** The mutable draft of one patient's documentation. */
    private static final class Plan {
        private final LatentPatient p;
        private final ResourceIds ids;
        private final List<InjectedDiscrepancy> discrepancies = new ArrayList<>();
        private final String pathologyDocument;
        private Documentation.Staging clinical;
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

        Plan(LatentPatient p, ResourceIds ids, SiteProfile profile) {
            this.p = p;
            this.ids = ids;
            this.pathologyDocument = profile.pathologyAsTextFiles()
                    ? ResourceIds.pathologyTextFile(p.mrn(), p.pathologyReportDate())
                    : "DiagnosticReport/" + ids.pathologyReport();
        }

        void background(RandomGenerator random) {
            clinical = new Documentation.Staging(p.documentedT(), p.n(), p.documentedM(), p.documentedGroup());
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
            boolean contrastRisk = contrastReaction != null || egfr < 30;
            if (contrastRisk && planned == PlannedStudy.CT_CHEST_WITH_CONTRAST) {
                planned = PlannedStudy.CT_CHEST_WITHOUT_CONTRAST;
            }
            if (implantForbidsMri() && planned == PlannedStudy.MRI_BRAIN_WITH_GADOLINIUM) {
                planned = PlannedStudy.PET_CT;
            }
        }

        private boolean implantForbidsMri() {
            return implant != null && (implant.mrSafety() == MrSafety.MR_UNSAFE
                    || implant.mrSafety() == MrSafety.MR_CONDITIONAL && implant.conditions() == null);
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
            String descriptor = yT.equals(clinical.t()) ? "N" : "T";
            discrepancies.add(new InjectedDiscrepancy(FlagType.EXPECTED_RESTAGING, descriptor,
                    "Observation/" + ids.stage('c', descriptor.charAt(0)),
                    "Observation/" + ids.stage('p', descriptor.charAt(0)),
                    values("clinical", "c" + clinical.t() + " c" + clinical.n(), "pathological",
                            "p" + yT + " p" + yN),
                    "Legitimate re-staging: neoadjuvant chemotherapy (Procedure/" + ids.neoadjuvant()
                            + ") precedes the lobectomy; not a discrepancy."));
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
                    planned = PlannedStudy.MRI_BRAIN_WITH_GADOLINIUM;
                    add(type, "device", "Device/" + ids.device(), "ServiceRequest/" + ids.plannedImaging(),
                            values("device", "Cardiac pacemaker, MR Unsafe", "planned", planned.description()),
                            "MRI ordered for a patient with an MR Unsafe implant (ASTM F2503).");
                }
                case MRI_CONDITIONAL_DEVICE_UNDOCUMENTED -> {
                    implant = Implant.defibrillator(MrSafety.MR_CONDITIONAL, null);
                    planned = PlannedStudy.MRI_BRAIN_WITH_GADOLINIUM;
                    add(type, "device", "Device/" + ids.device(), "ServiceRequest/" + ids.plannedImaging(),
                            values("device", "Implantable defibrillator, MR Conditional, no conditions on record",
                                    "planned", planned.description()),
                            "MRI ordered with an MR Conditional implant whose conditions of use are not on record.");
                }
                default -> throw new IllegalArgumentException("the generator does not inject " + type);
            }
        }

        /** A same-time conflict: no therapy between the two stagings, yet cT/cN differ from pT/pN. */
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
            String d = onT ? "T" : "N";
            add(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT, d, "Observation/" + ids.stage('c', d.charAt(0)),
                    "Observation/" + ids.stage('p', d.charAt(0)),
                    values("clinical", "c" + after, "pathological", "p" + before),
                    "Clinical " + d + " mis-documented (truth is the pathological " + before
                            + "); no therapy between diagnosis and resection explains it.");
        }

        private void injectInconsistentGroup(RandomGenerator random) {
            List<String> groups = p.documentedEdition() == AjccEdition.SEVENTH
                    ? List.of("IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IV")
                    : List.of("IA1", "IA2", "IA3", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IVA", "IVB");
            AjccEdition other = p.documentedEdition() == AjccEdition.SEVENTH ? AjccEdition.EIGHTH : AjccEdition.SEVENTH;
            String otherGroup = groupOrNull(other, clinical);
            int i = groups.indexOf(clinical.group());
            List<String> candidates = new ArrayList<>();
            for (int step : new int[] {1, -1, 2, -2}) {
                int j = i + step;
                if (j >= 0 && j < groups.size() && !groups.get(j).equals(otherGroup)) {
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
            return new Documentation(clinical, pathological, conditionLaterality, reportLaterality,
                    conditionHistology, p.histology(), imagingSizeMm, pathologySizeMm, egfr, contrastReaction,
                    implant, planned, pathologyDocument, List.copyOf(discrepancies));
        }
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Map<String, String> values(String labelA, String a, String labelB, String b) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(labelA, a);
        values.put(labelB, b);
        return values;
    }
}
