package io.tumorboard.model.learning.evaluation;

import io.tumorboard.model.cases.StageDescriptor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the learned stage flags of held-out cases match the injected stage discrepancies, per descriptor and in
 * all: a case flagged for a descriptor it has an injected discrepancy of is a true positive, flagged without one a
 * false positive, not flagged with one a false negative. Several versions of a case count once.
 *
 * @param descriptor the descriptor, or null for the row over all descriptors
 * @param cases held-out cases scored
 * @param truePositives flagged and injected
 * @param falsePositives flagged, not injected
 * @param falseNegatives injected, not flagged
 */
public record LearnedFlagScore(StageDescriptor descriptor, int cases, int truePositives, int falsePositives,
                               int falseNegatives) {

    public static final List<StageDescriptor> SCORED = List.of(StageDescriptor.T, StageDescriptor.N,
            StageDescriptor.GROUP);

    public double precision() {
        return truePositives + falsePositives == 0 ? Double.NaN
                : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? Double.NaN
                : (double) truePositives / (truePositives + falseNegatives);
    }

    /** One row per scored descriptor, then the row over all of them (pairs of case and descriptor). */
    public static List<LearnedFlagScore> score(List<HeldOutFlags> heldOut, Map<String, Set<StageDescriptor>> truth) {
        Map<String, Set<StageDescriptor>> flagged = new HashMap<>();
        heldOut.forEach(h -> flagged.computeIfAbsent(h.caseKey(), k -> EnumSet.noneOf(StageDescriptor.class))
                .addAll(h.flagged()));
        List<LearnedFlagScore> rows = new ArrayList<>();
        int[] all = new int[3];
        for (StageDescriptor d : SCORED) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Map.Entry<String, Set<StageDescriptor>> c : flagged.entrySet()) {
                boolean raised = c.getValue().contains(d);
                boolean injected = truth.getOrDefault(c.getKey(), Set.of()).contains(d);
                tp += raised && injected ? 1 : 0;
                fp += raised && !injected ? 1 : 0;
                fn += !raised && injected ? 1 : 0;
            }
            rows.add(new LearnedFlagScore(d, flagged.size(), tp, fp, fn));
            all[0] += tp;
            all[1] += fp;
            all[2] += fn;
        }
        rows.add(new LearnedFlagScore(null, flagged.size(), all[0], all[1], all[2]));
        return rows;
    }
}
