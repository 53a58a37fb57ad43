package io.tumorboard.model.learning;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.learning.Prediction.FeatureAttribution;
import io.tumorboard.model.learning.features.CaseFeatures;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One case's prediction: the point estimate, MC-dropout spread, OOD check, modality contributions, top
 * features, per-modality stage estimates and the learned stage flags. All network passes are batched: the
 * MC samples, the leave-one-modality-out rows and the occluded-feature rows each go through as one batch.
 */
final class CasePredictor {

    /** MC-dropout samples (Gal &amp; Ghahramani, ICML 2016). */
    static final int MC_SAMPLES = 30;
    static final int TOP_FEATURES = 5;

    private final FusionModel model;

    CasePredictor(FusionModel model) {
        this.model = model;
    }

    Prediction predict(PatientCase patientCase) {
        CaseFeatures features;
        try {
            features = model.pipeline().encode(patientCase);
        } catch (RuntimeException e) {
            return Prediction.refused(patientCase.caseKey(), List.of("the case could not be encoded: " + e.getMessage()));
        }
        List<String> warnings = new ArrayList<>(features.warnings());
        List<Modality> used = Arrays.stream(Modality.values())
                .filter(m -> features.has(m) && model.spec().modalities().contains(m)).toList();
        if (used.isEmpty()) {
            warnings.add("no modality this model uses is present (it uses " + model.spec().modalities()
                    + "): nothing to predict from");
            return Prediction.refused(patientCase.caseKey(), warnings);
        }
        for (Modality m : model.spec().modalities()) {
            if (!features.has(m)) {
                warnings.add(m.name().toLowerCase() + " is missing: predicted from " + used);
            }
        }
        float[][][] point = model.outputs(List.of(features), null);
        double[] hazards = doubles(point[0][0]);
        if (Arrays.stream(hazards).anyMatch(h -> !Double.isFinite(h))) {
            warnings.add("the network produced a non-finite hazard: refusing rather than reporting it");
            return Prediction.refused(patientCase.caseKey(), warnings);
        }
        SurvivalIntervals grid = model.spec().intervals();
        double[] survival = grid.survivalCurve(hazards);
        double risk = 1 - survival[survival.length - 1];
        double[][] band = mcDropout(features, grid);
        double distance = model.ood() == null ? Double.NaN : model.ood().distance(model.embeddings(List.of(features)).get(0));
        double threshold = model.ood() == null ? Double.POSITIVE_INFINITY : model.ood().threshold();
        Prediction.Status status = warnings.isEmpty() ? Prediction.Status.OK : Prediction.Status.WARNING;
        if (distance > threshold) {
            warnings.add(String.format("the case lies outside the training data (Mahalanobis distance %.1f > "
                    + "threshold %.1f set on validation cases): the model abstains", distance, threshold));
            status = Prediction.Status.ABSTAINED;
        }
        Map<Modality, Map<StageDescriptor, double[]>> stage = model.stageEstimates(point, 0, features);
        double[] days = new double[grid.count()];
        for (int k = 0; k < days.length; k++) {
            days[k] = grid.endDays(k);
        }
        double[] low = band[0];
        double[] high = band[1];
        return new Prediction(patientCase.caseKey(), status, risk, 1 - high[high.length - 1], 1 - low[low.length - 1],
                days, survival, low, high, distance,
                threshold, contributions(features, used, risk), topFeatures(features, used, risk), stage,
                new LearnedStageFlag().flags(patientCase, stage), warnings);
    }

    /**
     * 5th and 95th percentile of the survival probability at each interval end over MC-dropout samples, one
     * batch of identical rows: {@code [0]} the lower curve, {@code [1]} the upper. Taken point by point, so the
     * band at the horizon is the risk interval's mirror. The dropout masks come from a generator seeded with the
     * model's seed, so one case always gets the same band.
     */
    private double[][] mcDropout(CaseFeatures features, SurvivalIntervals grid) {
        List<CaseFeatures> copies = java.util.Collections.nCopies(MC_SAMPLES, features);
        float[][] hazards = model.outputs(copies, new Random(model.spec().seed()))[0];
        double[][] byInterval = new double[grid.count()][MC_SAMPLES];
        for (int s = 0; s < MC_SAMPLES; s++) {
            double[] curve = grid.survivalCurve(doubles(hazards[s]));
            for (int k = 0; k < curve.length; k++) {
                byInterval[k][s] = curve[k];
            }
        }
        double[] low = new double[grid.count()];
        double[] high = new double[grid.count()];
        for (int k = 0; k < low.length; k++) {
            Arrays.sort(byInterval[k]);
            low[k] = byInterval[k][(int) (0.05 * (MC_SAMPLES - 1))];
            high[k] = byInterval[k][(int) Math.ceil(0.95 * (MC_SAMPLES - 1))];
        }
        return new double[][] {low, high};
    }

    private Map<Modality, Double> contributions(CaseFeatures features, List<Modality> used, double risk) {
        Map<Modality, Double> contributions = new EnumMap<>(Modality.class);
        if (used.size() < 2) {
            return contributions; // a single modality has nothing to be compared with

        }
        List<CaseFeatures> without = used.stream().map(features::without).toList();
        double[] risks = risks(model.outputs(without, null)[0]);
        for (int i = 0; i < used.size(); i++) {
            contributions.put(used.get(i), risk - risks[i]);
        }
        return contributions;
    }

    /** Occlusion: each non-zero input of a used modality set to 0 (the training median), all in one batch. */
    private List<FeatureAttribution> topFeatures(CaseFeatures features, List<Modality> used, double risk) {
        List<CaseFeatures> occluded = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (Modality m : used) {
            float[] x = features.input(m);
            List<String> featureNames = model.pipeline().featureNames(m);
            for (int f = 0; f < x.length && f < featureNames.size(); f++) {
                if (x[f] != 0f) {
                    float[] copy = x.clone();
                    copy[f] = 0f;
                    occluded.add(replace(features, m, copy));
                    names.add(new String[] {m.name(), featureNames.get(f)});
                }
            }
        }
        if (occluded.isEmpty()) {
            return List.of();
        }
        double[] risks = risks(model.outputs(occluded, null)[0]);
        List<FeatureAttribution> all = new ArrayList<>();
        for (int i = 0; i < risks.length; i++) {
            all.add(new FeatureAttribution(Modality.valueOf(names.get(i)[0]), names.get(i)[1], risk - risks[i]));
        }
        return all.stream().sorted(Comparator.comparingDouble(a -> -Math.abs(a.riskChange()))).limit(TOP_FEATURES)
                .toList();
    }

    private double[] risks(float[][] hazards) {
        SurvivalIntervals grid = model.spec().intervals();
        double[] risks = new double[hazards.length];
        for (int i = 0; i < risks.length; i++) {
            double[] curve = grid.survivalCurve(doubles(hazards[i]));
            risks[i] = 1 - curve[curve.length - 1];
        }
        return risks;
    }

    private static double[] doubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static CaseFeatures replace(CaseFeatures f, Modality m, float[] x) {
        return new CaseFeatures(m == Modality.IMAGING ? x : f.imaging(), m == Modality.PATHOLOGY ? x : f.pathology(),
                m == Modality.CLINICAL ? x : f.clinical(), f.present(), f.warnings());
    }
}
