package io.tumorboard.model.learning.evaluation;

import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import io.tumorboard.model.learning.ModelCard.Estimate;
import io.tumorboard.model.learning.SurvivalMetrics;
import io.tumorboard.model.learning.survival.KaplanMeier;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * All metrics of one set of held-out predictions, each with a percentile-bootstrap 95% interval (Efron &amp;
 * Tibshirani 1993; resampling cases with replacement). Risk for discrimination is 1 − S(horizon); the
 * time-dependent AUC at t uses 1 − S(t).
 */
public final class SurvivalEvaluation {

    static final double YEAR_DAYS = 365.25;
    /** Calibration is read at 3 years: the horizon boards discuss for resected NSCLC. */
    public static final double CALIBRATION_DAYS = 3 * YEAR_DAYS;
    static final int CALIBRATION_GROUPS = 10;
    /** Fewest cases a calibration group is cut to: below it a group's Kaplan–Meier estimate means little. */
    public static final int MIN_GROUP_CASES = 5;
    /** The Cox-model slope of the linear predictor on held-out data ({@link CalibrationSlope}). */
    public static final String CALIBRATION_SLOPE = "calibration slope (Cox, 3 y)";

    private final SurvivalIntervals grid;
    private final int resamples;
    private final long seed;

    public SurvivalEvaluation(SurvivalIntervals grid, int resamples, long seed) {
        this.grid = grid;
        this.resamples = resamples;
        this.seed = seed;
    }

    /** Metric name to estimate and interval, in a fixed order. */
    public Map<String, Estimate> metrics(List<EvaluatedCase> cases) {
        Map<String, Double> point = pointMetrics(cases);
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        point.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        Random random = new Random(seed);
        for (int b = 0; b < resamples; b++) {
            List<EvaluatedCase> resample = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                resample.add(cases.get(random.nextInt(cases.size())));
            }
            pointMetrics(resample).forEach((name, value) -> {
                if (Double.isFinite(value)) {
                    samples.get(name).add(value);
                }
            });
        }
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        point.forEach((name, value) -> {
            double[] sorted = samples.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            estimates.put(name, sorted.length < 10 ? new Estimate(value, Double.NaN, Double.NaN)
                    : new Estimate(value, percentile(sorted, 0.025), percentile(sorted, 0.975)));
        });
        return estimates;
    }

    Map<String, Double> pointMetrics(List<EvaluatedCase> cases) {
        int n = cases.size();
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[] risk = new double[n];
        double[][] survival = new double[n][];
        for (int i = 0; i < n; i++) {
            EvaluatedCase c = cases.get(i);
            time[i] = c.timeDays();
            event[i] = c.death();
            survival[i] = c.survival();
            risk[i] = 1 - c.survival()[grid.count() - 1];
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("Harrell C", SurvivalMetrics.harrellC(time, event, risk));
        metrics.put("Uno C (tau 5 y)", SurvivalMetrics.unoC(time, event, risk, grid.horizonDays()));
        for (int years = 1; years <= 3; years++) {
            double t = years * YEAR_DAYS;
            double[] riskAtT = riskAt(survival, t);
            metrics.put("AUC(" + years + " y)", SurvivalMetrics.timeDependentAuc(time, event, riskAtT, t));
        }
        double[] gridDays = new double[grid.count()];
        for (int k = 0; k < gridDays.length; k++) {
            gridDays[k] = grid.endDays(k);
        }
        double maxTime = Arrays.stream(time).max().orElse(0);
        metrics.put("integrated Brier (to 5 y)", SurvivalMetrics.integratedBrier(time, event, survival, gridDays,
                Math.min(grid.horizonDays(), maxTime)));
        metrics.put(CALIBRATION_SLOPE, CalibrationSlope.of(time, event, survivalAt(survival, CALIBRATION_DAYS),
                CALIBRATION_DAYS));
        return metrics;
    }

    /**
     * Up to ten groups by predicted 3-year risk (at least 5 cases each): mean predicted vs KM observed risk, with
     * each group's range of predicted risk.
     */
    public List<CalibrationGroup> calibration(List<EvaluatedCase> cases) {
        List<EvaluatedCase> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparingDouble(c -> riskAt(c.survival(), CALIBRATION_DAYS)));
        int groups = calibrationGroups(sorted.size());
        List<CalibrationGroup> table = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<EvaluatedCase> group = sorted.subList(g * sorted.size() / groups, (g + 1) * sorted.size() / groups);
            double predicted = group.stream().mapToDouble(c -> riskAt(c.survival(), CALIBRATION_DAYS)).average()
                    .orElse(Double.NaN);
            double[] time = group.stream().mapToDouble(EvaluatedCase::timeDays).toArray();
            boolean[] event = new boolean[group.size()];
            for (int i = 0; i < event.length; i++) {
                event[i] = group.get(i).death();
            }
            // Sorted by predicted risk: the group's first and last cases bound its range.
            table.add(new CalibrationGroup(group.size(), predicted, 1 - KaplanMeier.of(time, event).at(CALIBRATION_DAYS),
                    riskAt(group.get(0).survival(), CALIBRATION_DAYS),
                    riskAt(group.get(group.size() - 1).survival(), CALIBRATION_DAYS)));
        }
        return table;
    }

    /**
     * How many equal-size groups a calibration table of {@code cases} held-out cases has: up to ten, at least
     * {@value #MIN_GROUP_CASES} cases each. Public so that a table pooled from sites' aggregates groups alike.
     */
    public static int calibrationGroups(int cases) {
        return Math.max(1, Math.min(CALIBRATION_GROUPS, cases / MIN_GROUP_CASES));
    }

    private double riskAt(double[] survival, double t) {
        return 1 - SurvivalIntervals.survivalAt(survival, grid, t);
    }

    private double[] survivalAt(double[][] survival, double t) {
        double[] s = new double[survival.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = SurvivalIntervals.survivalAt(survival[i], grid, t);
        }
        return s;
    }

    private double[] riskAt(double[][] survival, double t) {
        double[] risk = new double[survival.length];
        for (int i = 0; i < risk.length; i++) {
            risk[i] = riskAt(survival[i], t);
        }
        return risk;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))];
    }
}
