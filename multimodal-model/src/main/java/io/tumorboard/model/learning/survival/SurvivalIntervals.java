package io.tumorboard.model.learning.survival;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.Outcome;

/**
 * The discrete-time grid of the survival head: {@code count} equal intervals over {@code horizonDays}.
 *
 * <p>Labels follow the discrete-time likelihood (Gensheimer &amp; Narasimhan, PeerJ 2019, "nnet-survival"):
 * a patient contributes "survived" (0) to every interval fully lived through, "died" (1) to the interval of
 * death, and nothing (−1, not at risk) afterwards. A patient censored in the second half of an interval counts
 * as having survived it, one censored in its first half is not at risk there: the standard half-interval rule.
 *
 * @param count number of intervals
 * @param horizonDays end of the last interval, days from diagnosis
 */
public record SurvivalIntervals(int count, int horizonDays) {

    public static final float NOT_AT_RISK = -1f;

    @JsonCreator
    public SurvivalIntervals(@JsonProperty("count") int count, @JsonProperty("horizonDays") int horizonDays) {
        if (count < 1 || horizonDays < count) {
            throw new IllegalArgumentException("need at least one interval of at least one day, got " + count
                    + " intervals over " + horizonDays + " days");
        }
        this.count = count;
        this.horizonDays = horizonDays;
    }

    public double widthDays() {
        return (double) horizonDays / count;
    }

    /** End of interval k (0-based), days. */
    public double endDays(int k) {
        return (k + 1) * widthDays();
    }

    /** The per-interval labels of one outcome; all {@link #NOT_AT_RISK} when the outcome is unknown. */
    public float[] labels(Outcome outcome) {
        float[] labels = new float[count];
        java.util.Arrays.fill(labels, NOT_AT_RISK);
        if (outcome == null) {
            return labels;
        }
        double t = outcome.followUpDays();
        for (int k = 0; k < count; k++) {
            double start = k * widthDays();
            double end = endDays(k);
            if (t >= end) {
                labels[k] = 0f;
            } else {
                if (outcome.death()) {
                    labels[k] = 1f;
                } else if (t >= (start + end) / 2) {
                    labels[k] = 0f;
                }
                break;
            }
        }
        return labels;
    }

    /** Survival at the end of each interval from the interval hazards: S(t_k) = Π_{i≤k} (1 − h_i). */
    public double[] survivalCurve(double[] hazards) {
        double[] survival = new double[count];
        double s = 1.0;
        for (int k = 0; k < count; k++) {
            s *= 1.0 - hazards[k];
            survival[k] = s;
        }
        return survival;
    }

    /** Survival at an arbitrary day, linear between interval ends (S(0) = 1); flat beyond the horizon. */
    public static double survivalAt(double[] curve, SurvivalIntervals grid, double days) {
        if (days <= 0) {
            return 1.0;
        }
        double position = days / grid.widthDays();
        int k = (int) Math.floor(position);
        if (k >= grid.count()) {
            return curve[grid.count() - 1];
        }
        double before = k == 0 ? 1.0 : curve[k - 1];
        return before + (position - k) * (curve[k] - before);
    }
}
