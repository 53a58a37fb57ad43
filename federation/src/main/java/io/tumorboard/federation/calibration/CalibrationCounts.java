package io.tumorboard.federation.calibration;

import java.util.List;

/**
 * A site's calibration aggregates in one evaluation result: its risk histogram (final evaluation round) or its
 * per-group counts (calibration round). Counts and sums only.
 *
 * @param riskHistogram held-out cases per {@link RiskBins} bin; null in the calibration round
 * @param groups one aggregate per group of the round's plan; empty in the final evaluation round
 */
public record CalibrationCounts(long[] riskHistogram, List<GroupAggregate> groups) {

    public CalibrationCounts {
        if (riskHistogram != null) {
            if (riskHistogram.length != RiskBins.COUNT) {
                throw new IllegalArgumentException("a risk histogram has " + RiskBins.COUNT + " bins, not "
                        + riskHistogram.length);
            }
            for (long c : riskHistogram) {
                if (c < 0) {
                    throw new IllegalArgumentException("a risk histogram count is negative");
                }
            }
            riskHistogram = riskHistogram.clone();
        }
        groups = List.copyOf(groups);
        if ((riskHistogram == null) == groups.isEmpty()) {
            throw new IllegalArgumentException("calibration counts carry either a histogram or group counts");
        }
    }

    public static CalibrationCounts histogram(long[] counts) {
        return new CalibrationCounts(counts, List.of());
    }

    public static CalibrationCounts groups(List<GroupAggregate> groups) {
        return new CalibrationCounts(null, groups);
    }
}
