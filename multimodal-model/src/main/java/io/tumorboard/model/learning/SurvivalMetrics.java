package io.tumorboard.model.learning;

import io.tumorboard.model.learning.survival.KaplanMeier;

/**
 * Discrimination and accuracy measures for right-censored survival predictions. Each takes parallel arrays:
 * observed time (days), whether the event (death) was observed, and the model's output for the subject.
 * Estimators that must correct for censoring weight by the Kaplan–Meier censoring distribution G (IPCW).
 */
public final class SurvivalMetrics {

    /** G(t) below this is not divided by: the weights would explode on the last few subjects. */
    static final double MIN_CENSORING_SURVIVAL = 0.05;

    private SurvivalMetrics() {
    }

    /**
     * Harrell's concordance index (Harrell et al., JAMA 1982): among usable pairs (the shorter time is an
     * event), the share where the higher risk died first; tied risks count one half.
     */
    public static double harrellC(double[] time, boolean[] event, double[] risk) {
        double concordant = 0;
        double usable = 0;
        for (int i = 0; i < time.length; i++) {
            if (!event[i]) {
                continue;
            }
            for (int j = 0; j < time.length; j++) {
                if (time[j] > time[i]) {
                    usable++;
                    concordant += risk[i] > risk[j] ? 1 : risk[i] == risk[j] ? 0.5 : 0;
                }
            }
        }
        return usable == 0 ? Double.NaN : concordant / usable;
    }

    /**
     * Uno's concordance index (Uno et al., Stat Med 2011): Harrell's pairs weighted by 1/G(t_i−)², restricted to
     * event times below {@code tauDays}, which makes it consistent under censoring that Harrell's is not.
     */
    public static double unoC(double[] time, boolean[] event, double[] risk, double tauDays) {
        KaplanMeier g = KaplanMeier.censoring(time, event);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < time.length; i++) {
            if (!event[i] || time[i] >= tauDays) {
                continue;
            }
            double gi = g.before(time[i]);
            if (gi < MIN_CENSORING_SURVIVAL) {
                continue;
            }
            double weight = 1.0 / (gi * gi);
            for (int j = 0; j < time.length; j++) {
                if (time[j] > time[i]) {
                    denominator += weight;
                    numerator += weight * (risk[i] > risk[j] ? 1 : risk[i] == risk[j] ? 0.5 : 0);
                }
            }
        }
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    /**
     * Cumulative/dynamic time-dependent AUC at {@code tDays} (Uno et al., JASA 2007; Hung &amp; Chiang 2010):
     * cases died by t (weighted 1/G(t_i−)), controls are still alive after t; {@code risk} should be the
     * predicted probability of death by t.
     */
    public static double timeDependentAuc(double[] time, boolean[] event, double[] risk, double tDays) {
        KaplanMeier g = KaplanMeier.censoring(time, event);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < time.length; i++) {
            if (!event[i] || time[i] > tDays) {
                continue;
            }
            double gi = g.before(time[i]);
            if (gi < MIN_CENSORING_SURVIVAL) {
                continue;
            }
            for (int j = 0; j < time.length; j++) {
                if (time[j] > tDays) {
                    denominator += 1 / gi;
                    numerator += (risk[i] > risk[j] ? 1 : risk[i] == risk[j] ? 0.5 : 0) / gi;
                }
            }
        }
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    /**
     * IPCW Brier score at {@code tDays} (Graf et al., Stat Med 1999): squared error of the predicted survival
     * S_i(t) against the observed status, died-before-t subjects weighted 1/G(t_i−), survivors 1/G(t), subjects
     * censored before t weight 0.
     */
    public static double brier(double[] time, boolean[] event, double[] survivalAtT, double tDays) {
        KaplanMeier g = KaplanMeier.censoring(time, event);
        double gt = Math.max(g.at(tDays), MIN_CENSORING_SURVIVAL);
        double sum = 0;
        for (int i = 0; i < time.length; i++) {
            if (time[i] <= tDays && event[i]) {
                sum += survivalAtT[i] * survivalAtT[i] / Math.max(g.before(time[i]), MIN_CENSORING_SURVIVAL);
            } else if (time[i] > tDays) {
                sum += (1 - survivalAtT[i]) * (1 - survivalAtT[i]) / gt;
            }
        }
        return sum / time.length;
    }

    /**
     * Integrated Brier score over (0, tauDays]: the trapezoid integral of {@link #brier} over the given time
     * grid, divided by its length. {@code survival[i][k]} is subject i's predicted survival at {@code gridDays[k]}.
     */
    public static double integratedBrier(double[] time, boolean[] event, double[][] survival, double[] gridDays,
                                         double tauDays) {
        double area = 0;
        double previousT = 0;
        double previousScore = 0;
        for (int k = 0; k < gridDays.length && gridDays[k] <= tauDays; k++) {
            double[] atT = new double[time.length];
            for (int i = 0; i < time.length; i++) {
                atT[i] = survival[i][k];
            }
            double score = brier(time, event, atT, gridDays[k]);
            area += (gridDays[k] - previousT) * (score + previousScore) / 2;
            previousT = gridDays[k];
            previousScore = score;
        }
        return previousT == 0 ? Double.NaN : area / previousT;
    }
}
