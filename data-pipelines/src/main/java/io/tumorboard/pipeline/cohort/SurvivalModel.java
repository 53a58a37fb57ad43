package io.tumorboard.pipeline.cohort;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The generative survival model: Weibull proportional hazards, h(t) = lambda * rho * t^(rho-1) * exp(eta), t in
 * days, with eta the linear predictor below. Every modality carries information no other has: stage, age, ECOG
 * and histology (clinical records), three radiomics signals (imaging only) and lymphovascular invasion and a
 * positive margin (pathology text only). Coefficients are log hazard ratios chosen in the range the NSCLC
 * literature reports (stage dominates, ECOG ~1.4 per point, LVI and R1 ~1.6-1.8); they are a simulation's
 * parameters, not estimates.
 */
final class SurvivalModel {

    /** Weibull shape rho (&gt; 1: hazard rising with time). */
    static final double SHAPE = 1.15;
    /** Median survival (days) at eta = 0 (stage IA1, age 65, ECOG 0, adenocarcinoma, average radiomics). */
    static final double REFERENCE_MEDIAN_DAYS = 4000;
    /** Weibull scale lambda so that S(REFERENCE_MEDIAN_DAYS) = 0.5 at eta = 0. */
    static final double SCALE = Math.log(2) / Math.pow(REFERENCE_MEDIAN_DAYS, SHAPE);

    static final Map<String, Double> STAGE_LOG_HR = stageLogHazardRatios();
    static final double AGE_PER_10_YEARS = 0.25;
    static final double ECOG_PER_POINT = 0.35;
    static final double SQUAMOUS = 0.15;
    static final double LARGE_CELL = 0.30;
    /** Radiomics signals, in the order of {@link RadiomicsFeatures#SIGNAL_FEATURES}. */
    static final double[] RADIOMICS = {0.40, -0.35, 0.30};
    static final double LYMPHOVASCULAR_INVASION = 0.55;
    static final double POSITIVE_MARGIN = 0.60;

    /** End of follow-up for every site: administrative censoring date. */
    static final LocalDate DATA_CUTOFF = LocalDate.of(2024, 6, 30);
    /** Mean time (days) to loss to follow-up (exponential random censoring). */
    static final double MEAN_DAYS_TO_LOSS = 4500;

    private SurvivalModel() {
    }

    static double linearPredictor(String group8th, int ageYears, int ecog, Histology histology, double[] radiomics,
            boolean lvi, boolean marginPositive) {
        return withoutPathologyFindings(group8th, ageYears, ecog, histology, radiomics)
                + (lvi ? LYMPHOVASCULAR_INVASION : 0) + (marginPositive ? POSITIVE_MARGIN : 0);
    }

    /** The linear predictor a model that never reads pathology text could at best learn. */
    static double withoutPathologyFindings(String group8th, int ageYears, int ecog, Histology histology,
            double[] radiomics) {
        Double stage = STAGE_LOG_HR.get(group8th);
        if (stage == null) {
            throw new IllegalArgumentException("no hazard ratio for stage group " + group8th);
        }
        double eta = stage + AGE_PER_10_YEARS * (ageYears - 65) / 10.0 + ECOG_PER_POINT * ecog;
        eta += histology == Histology.SQUAMOUS_CELL_CARCINOMA ? SQUAMOUS : 0;
        eta += histology == Histology.LARGE_CELL_CARCINOMA ? LARGE_CELL : 0;
        for (int i = 0; i < RADIOMICS.length; i++) {
            eta += RADIOMICS[i] * radiomics[i];
        }
        return eta;
    }

    /** Inverse-transform draw: T = (-ln U / (lambda exp(eta)))^(1/rho), in days. */
    static double drawEventDays(RandomGenerator random, double eta) {
        double u = 1.0 - random.nextDouble();
        return Math.pow(-Math.log(u) / (SCALE * Math.exp(eta)), 1.0 / SHAPE);
    }

    /** Days to loss to follow-up (exponential). */
    static double drawLossDays(RandomGenerator random) {
        return -MEAN_DAYS_TO_LOSS * Math.log(1.0 - random.nextDouble());
    }

    /** The parameters as truth/survival-model.json states them. */
    static Map<String, Object> describe() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("family", "Weibull proportional hazards");
        model.put("hazard", "h(t) = lambda * rho * t^(rho-1) * exp(eta), t in days from diagnosis");
        model.put("rho", SHAPE);
        model.put("lambda", SCALE);
        model.put("referenceMedianDays", REFERENCE_MEDIAN_DAYS);
        Map<String, Object> eta = new LinkedHashMap<>();
        eta.put("stageGroup8th", STAGE_LOG_HR);
        eta.put("agePer10YearsAbove65", AGE_PER_10_YEARS);
        eta.put("ecogPerPoint", ECOG_PER_POINT);
        eta.put("histologySquamous", SQUAMOUS);
        eta.put("histologyLargeCell", LARGE_CELL);
        Map<String, Double> radiomics = new LinkedHashMap<>();
        for (int i = 0; i < RADIOMICS.length; i++) {
            radiomics.put(RadiomicsFeatures.SIGNAL_FEATURES.get(i) + " (latent z, before the scanner shift)",
                    RADIOMICS[i]);
        }
        eta.put("radiomics", radiomics);
        eta.put("lymphovascularInvasion (pathology text only)", LYMPHOVASCULAR_INVASION);
        eta.put("positiveMargin (pathology text only)", POSITIVE_MARGIN);
        model.put("logHazardRatios", eta);
        // LinkedHashMap, never Map.of: its iteration order changes between JVM runs and the bytes must not.
        Map<String, Object> censoring = new LinkedHashMap<>();
        censoring.put("administrativeCutoff", DATA_CUTOFF.toString());
        censoring.put("randomLossToFollowUp", "exponential, mean " + MEAN_DAYS_TO_LOSS + " days");
        model.put("censoring", censoring);
        return model;
    }

    private static Map<String, Double> stageLogHazardRatios() {
        Map<String, Double> stage = new LinkedHashMap<>();
        List<String> groups = List.of("IA1", "IA2", "IA3", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IVA", "IVB");
        double[] logHr = {0.0, 0.15, 0.30, 0.55, 0.80, 1.00, 1.40, 1.75, 2.05, 2.55, 2.95};
        for (int i = 0; i < groups.size(); i++) {
            stage.put(groups.get(i), logHr[i]);
        }
        return Collections.unmodifiableMap(stage);
    }
}
