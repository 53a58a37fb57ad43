package io.tumorboard.model.learning.features;

import java.util.Arrays;

/**
 * A location and a scale for one feature: median and inter-quartile range, the robust pair radiomics practice
 * prefers to mean and standard deviation because a few extreme lesions would otherwise set the scale.
 *
 * @param median the median of the fitted values
 * @param iqr Q3 − Q1 of the fitted values; never below {@link #MIN_IQR} so a constant feature does not blow up
 */
public record RobustScale(double median, double iqr) {

    static final double MIN_IQR = 1e-6;

    public RobustScale {
        iqr = Math.max(iqr, MIN_IQR);
    }

    /** The robust scale of finite values; the identity scale when there are none. */
    static RobustScale of(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new RobustScale(0.0, 1.0);
        }
        double iqr = quantile(finite, 0.75) - quantile(finite, 0.25);
        if (iqr < MIN_IQR) {
            // A feature with most values tied: fall back to the full range so it still varies.
            iqr = finite[finite.length - 1] - finite[0];
        }
        return new RobustScale(quantile(finite, 0.5), iqr < MIN_IQR ? 1.0 : iqr);
    }

    double scale(double value) {
        return (value - median) / iqr;
    }

    double unscale(double scaled) {
        return scaled * iqr + median;
    }

    /** Linear interpolation between order statistics (type 7, the R and NumPy default). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
