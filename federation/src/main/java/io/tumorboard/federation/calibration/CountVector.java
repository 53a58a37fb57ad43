package io.tumorboard.federation.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * How calibration counts are laid out as 64-bit words for masking, and read back from the sum over sites. Masks
 * only cancel on integers, so the one real number, a group's sum of predicted risk, travels as fixed point in
 * millionths (rounded at the site: the pooled sum is within 5e-7 per site of the sum of doubles).
 * <ul>
 *   <li>the risk histogram: {@link RiskBins#COUNT} words, one count per bin;</li>
 *   <li>group counts: {@value #GROUP_WORDS} words per group of the plan: cases, predicted-risk sum in millionths,
 *       deaths per interval, censorings per interval ({@link GroupAggregate#INTERVALS} each).</li>
 * </ul>
 */
public final class CountVector {

    static final int GROUP_WORDS = 2 + 2 * GroupAggregate.INTERVALS;
    /** Fixed-point unit of a predicted-risk sum: one millionth of a probability. */
    static final double RISK_UNIT = 1e-6;

    private CountVector() {
    }

    /** Words in an exchange's counts: the histogram's when {@code plan} is null, else the plan's groups'. */
    public static int length(CalibrationPlan plan) {
        return plan == null ? RiskBins.COUNT : plan.groups() * GROUP_WORDS;
    }

    /** A site's group aggregates as words. */
    public static long[] of(List<GroupAggregate> groups) {
        long[] words = new long[groups.size() * GROUP_WORDS];
        for (int g = 0; g < groups.size(); g++) {
            GroupAggregate a = groups.get(g);
            int at = g * GROUP_WORDS;
            words[at] = a.cases();
            words[at + 1] = Math.round(a.predictedRiskSum() / RISK_UNIT);
            for (int k = 0; k < GroupAggregate.INTERVALS; k++) {
                words[at + 2 + k] = a.deaths()[k];
                words[at + 2 + GroupAggregate.INTERVALS + k] = a.censored()[k];
            }
        }
        return words;
    }

    /**
     * Group aggregates read back from summed words. IllegalArgumentException when they are not counts (negative,
     * beyond an int, or more cases ended than the group holds): what words look like when the masks did not cancel.
     */
    public static List<GroupAggregate> groups(long[] words) {
        if (words.length == 0 || words.length % GROUP_WORDS != 0) {
            throw new IllegalArgumentException(words.length + " words are not whole calibration groups");
        }
        List<GroupAggregate> groups = new ArrayList<>();
        for (int at = 0; at < words.length; at += GROUP_WORDS) {
            int[] deaths = new int[GroupAggregate.INTERVALS];
            int[] censored = new int[GroupAggregate.INTERVALS];
            for (int k = 0; k < GroupAggregate.INTERVALS; k++) {
                deaths[k] = count(words[at + 2 + k]);
                censored[k] = count(words[at + 2 + GroupAggregate.INTERVALS + k]);
            }
            int cases = count(words[at]);
            long riskSum = words[at + 1];
            // Each case adds a probability, at most 1; rounding a site's sum to millionths cannot pass that bound.
            if (riskSum < 0 || riskSum > cases * Math.round(1 / RISK_UNIT)) {
                throw new IllegalArgumentException("a group's predicted-risk sum exceeds its cases");
            }
            groups.add(new GroupAggregate(cases, riskSum * RISK_UNIT, deaths, censored));
        }
        return groups;
    }

    /** The pooled risk histogram read back from summed words; IllegalArgumentException when a bin is no count. */
    public static long[] histogram(long[] words) {
        if (words.length != RiskBins.COUNT) {
            throw new IllegalArgumentException("a risk histogram has " + RiskBins.COUNT + " bins, not " + words.length);
        }
        for (long w : words) {
            count(w);
        }
        return words.clone();
    }

    /** The cases counted in summed words: the bins' total, or the groups' cases. */
    public static long cases(long[] words, CalibrationPlan plan) {
        long cases = 0;
        if (plan == null) {
            for (long w : words) {
                cases += w;
            }
        } else {
            for (int at = 0; at < words.length; at += GROUP_WORDS) {
                cases += words[at];
            }
        }
        return cases;
    }

    private static int count(long word) {
        if (word < 0 || word > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a summed count is not a count of cases: " + word);
        }
        return (int) word;
    }
}
