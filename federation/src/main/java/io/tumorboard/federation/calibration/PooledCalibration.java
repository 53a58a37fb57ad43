package io.tumorboard.federation.calibration;

import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's side: the calibration table of the model card from the sites' aggregates, summed over sites by
 * secure aggregation ({@link MaskedCounts#sum}). Per group: cases are exact sums over sites, the mean predicted risk
 * is exact to the fixed point the sums travel in ({@link CountVector}); observed risk is 1 − the actuarial
 * survival at 3 years of the pooled monthly life table (central tables use Kaplan–Meier on exact times; the two
 * differ by the within-month handling of censoring); the range of predicted risk is the group's lowest and highest occupied bin edges in the
 * pooled histogram, so a new case is placed in it to within one bin (0.001).
 */
public final class PooledCalibration {

    private PooledCalibration() {
    }

    /**
     * The table from the pooled histogram the plan was cut from and the group aggregates summed over the same sites
     * (in the plan's group order; the coordinator only ever has them summed). A group no case fell in is left out.
     */
    public static List<CalibrationGroup> table(long[] pooledHistogram, CalibrationPlan plan,
                                               List<GroupAggregate> pooledGroups) {
        if (pooledGroups.size() != plan.groups()) {
            throw new IllegalArgumentException(pooledGroups.size() + " groups summed; the plan has " + plan.groups());
        }
        List<CalibrationGroup> table = new ArrayList<>();
        for (int g = 0; g < plan.groups(); g++) {
            GroupAggregate pooled = pooledGroups.get(g);
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
