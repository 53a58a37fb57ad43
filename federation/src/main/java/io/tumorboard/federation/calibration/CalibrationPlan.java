package io.tumorboard.federation.calibration;

import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The calibration groups a coordinator derives from the sites' pooled risk histogram, as the first bin of each
 * group. It cuts as {@code SurvivalEvaluation.calibration} does (same number of groups for the same number of
 * cases; group g starts at pooled rank g·n/G), but only at bin edges: the bin holding a group's first case goes
 * wholly to that group, so a group differs from the central one by at most the cases sharing its edge bins. A
 * group left with fewer than {@link SurvivalEvaluation#MIN_GROUP_CASES} cases by that is merged into the group
 * below it (the first group into the one above), so no group's estimate rests on fewer cases than centrally.
 *
 * @param startBins the first {@link RiskBins} bin of each group, ascending; the first is always 0
 */
public record CalibrationPlan(int[] startBins) {

    public CalibrationPlan {
        startBins = startBins.clone();
        if (startBins.length == 0 || startBins[0] != 0) {
            throw new IllegalArgumentException("a plan's first group starts at bin 0");
        }
        for (int g = 1; g < startBins.length; g++) {
            if (startBins[g] <= startBins[g - 1] || startBins[g] >= RiskBins.COUNT) {
                throw new IllegalArgumentException("group start bins must ascend within the bins");
            }
        }
    }

    /** The plan for a pooled histogram ({@link RiskBins#COUNT} counts). */
    public static CalibrationPlan of(long[] pooledHistogram) {
        long n = Arrays.stream(pooledHistogram).sum();
        int groups = SurvivalEvaluation.calibrationGroups(Math.toIntExact(n));
        List<Integer> starts = new ArrayList<>();
        long seen = 0;
        int g = 0;
        for (int bin = 0; bin < pooledHistogram.length && g < groups; bin++) {
            seen += pooledHistogram[bin];
            // Group g starts at the bin holding the case of rank g·n/G (0-based ranks, as the central cut).
            while (g < groups && seen > g * n / groups) {
                if (starts.isEmpty() || starts.get(starts.size() - 1) != bin) {
                    starts.add(bin);
                }
                g++;
            }
        }
        if (starts.isEmpty()) {
            starts.add(0);
        }
        starts.set(0, 0);
        return new CalibrationPlan(mergeSmall(starts, pooledHistogram));
    }

    private static int[] mergeSmall(List<Integer> starts, long[] histogram) {
        List<Integer> kept = new ArrayList<>(starts);
        boolean merged = true;
        while (merged && kept.size() > 1) {
            merged = false;
            for (int g = 0; g < kept.size(); g++) {
                int end = g + 1 < kept.size() ? kept.get(g + 1) : histogram.length;
                long cases = Arrays.stream(histogram, kept.get(g), end).sum();
                if (cases < SurvivalEvaluation.MIN_GROUP_CASES) {
                    // Dropping a group's start merges it into the group below; the first group keeps bin 0 and
                    // absorbs the group above instead.
                    kept.remove(g == 0 ? 1 : g);
                    merged = true;
                    break;
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    public int groups() {
        return startBins.length;
    }

    /** The group (0-based) a bin belongs to. */
    public int groupOf(int bin) {
        int g = 0;
        while (g + 1 < startBins.length && bin >= startBins[g + 1]) {
            g++;
        }
        return g;
    }

    /** One past the last bin of group {@code g}. */
    int endBin(int g) {
        return g + 1 < startBins.length ? startBins[g + 1] : RiskBins.COUNT;
    }
}
