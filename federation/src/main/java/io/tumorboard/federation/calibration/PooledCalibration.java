package io.tumorboard.federation.calibration;

import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's side: the calibration table of the model card from the sites' aggregates. Per group: cases
 * and mean predicted risk are exact sums over sites; observed risk is 1 − the actuarial survival at 3 years of the
 * pooled monthly life table (central tables use Kaplan–Meier on exact times; the two differ by the within-month
 * handling of censoring); the range of predicted risk is the group's lowest and highest occupied bin edges in the
 * pooled histogram, so a new case is placed in it to within one bin (0.001).
 */
public final class PooledCalibration {

    private PooledCalibration() {
    }

    /** The pooled histogram: the sum of the sites' counts per bin. */
    public static long[] pool(List<long[]> histograms) {
        long[] pooled = new long[RiskBins.COUNT];
        for (long[] h : histograms) {
            if (h.length != RiskBins.COUNT) {
                throw new IllegalArgumentException("a risk histogram has " + RiskBins.COUNT + " bins, not " + h.length);
            }
            for (int b = 0; b < pooled.length; b++) {
                pooled[b] += h[b];
            }
        }
        return pooled;
    }

    /**
     * The table from the pooled histogram the plan was cut from and each site's group aggregates (one list per
     * site, in the plan's group order). A group no case fell in at any site is left out.
     */
    public static List<CalibrationGroup> table(long[] pooledHistogram, CalibrationPlan plan,
                                               List<List<GroupAggregate>> sites) {
        List<CalibrationGroup> table = new ArrayList<>();
        for (int g = 0; g < plan.groups(); g++) {
            GroupAggregate pooled = GroupAggregate.empty();
            for (List<GroupAggregate> site : sites) {
                if (site.size() != plan.groups()) {
                    throw new IllegalArgumentException("a site sent " + site.size() + " groups; the plan has "
                            + plan.groups());
                }
                pooled = pooled.plus(site.get(g));
            }
            if (pooled.cases() == 0) {
                continue;
            }
            int first = plan.startBins()[g];
            int end = plan.endBin(g);
            while (first < end - 1 && pooledHistogram[first] == 0) {
                first++;
            }
            int last = end - 1;
            while (last > first && pooledHistogram[last] == 0) {
                last--;
            }
            table.add(new CalibrationGroup(pooled.cases(), pooled.predictedRiskSum() / pooled.cases(),
                    pooled.observedRisk(), RiskBins.lowerEdge(first), RiskBins.upperEdge(last)));
        }
        return table;
    }
}
