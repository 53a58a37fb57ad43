package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.FlagType;
import java.util.ArrayList;
import java.util.List;
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
    /**
     * Reproductive age as the ACR-SPR practice parameter for imaging pregnant or potentially pregnant patients
     * with ionising radiation (2023) puts it: 12 to 50 years. Such a woman's pregnancy status should be on record
     * before ionising imaging.
     */
    static final int REPRODUCTIVE_AGE_MIN = 12;
    static final int REPRODUCTIVE_AGE_MAX = 50;
    /** Ages at which the generator lets a patient be pregnant (an injected discrepancy only). */
    static final int PREGNANCY_MIN_AGE = 18;
    static final int PREGNANCY_MAX_AGE = 45;

    private final SiteProfile profile;

    DocumentationPlanner(SiteProfile profile) {
        this.profile = profile;
    }

    /**
     * @param random the patient's stream
     * @param screening the patient's own stream for whether the pregnancy status is on record, apart from
     *     {@code random} so that the draws of the rest of the record did not change when it was added
     */
    Documentation plan(LatentPatient p, RandomGenerator random, RandomGenerator screening) {
        ResourceIds ids = new ResourceIds(p);
        DocumentationDraft plan = new DocumentationDraft(p, ids, profile);
        plan.background(random);
        plan.pregnancyStatus(screening);
        if (random.nextDouble() < DISCREPANCY_RATE) {
            List<FlagType> eligible = eligible(p, plan.restagedAtSurgery(), profile);
            plan.inject(eligible.get(random.nextInt(eligible.size())), random);
        }
        return plan.build();
    }

    private static List<FlagType> eligible(LatentPatient p, boolean restagedAtSurgery, SiteProfile profile) {
        List<FlagType> types = new ArrayList<>(List.of(FlagType.STAGE_GROUP_INCONSISTENT, FlagType.CONTRAST_ALLERGY,
                FlagType.CONTRAST_RENAL_RISK, FlagType.MRI_UNSAFE_DEVICE,
                FlagType.MRI_CONDITIONAL_DEVICE_UNDOCUMENTED));
        if (p.surgery() && p.hasPathology() && !p.neoadjuvant()) {
            // Listed twice: few patients qualify, and an evaluation needs enough of each type.
            if (!restagedAtSurgery) {
                types.add(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT);
                types.add(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT);
            }
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
        if (profile.pregnancyStatusRate() > 0 && "female".equals(p.sex()) && p.ageYears() >= PREGNANCY_MIN_AGE
                && p.ageYears() <= PREGNANCY_MAX_AGE) {
            // Three times: very few patients of a lung-cancer cohort qualify.
            types.addAll(List.of(FlagType.RADIATION_IN_PREGNANCY, FlagType.RADIATION_IN_PREGNANCY,
                    FlagType.RADIATION_IN_PREGNANCY));
        }
        return types;
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
