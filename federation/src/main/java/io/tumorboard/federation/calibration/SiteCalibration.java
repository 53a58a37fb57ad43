package io.tumorboard.federation.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * A site's side of the federated calibration table: the aggregates it sends about its held-out cases, first the
 * risk histogram, then — once the coordinator has cut the pooled histogram into groups — one
 * {@link GroupAggregate} per group. Only counts and sums leave this class.
 */
public final class SiteCalibration {

    private final List<HeldOutRisk> cases;

    public SiteCalibration(List<HeldOutRisk> cases) {
        this.cases = List.copyOf(cases);
    }

    /** The held-out cases behind the counts (how many; never which). */
    public long cases() {
        return cases.size();
    }

    /** Held-out cases per {@link RiskBins} bin of predicted 3-year risk. */
    public long[] histogram() {
        long[] counts = new long[RiskBins.COUNT];
        cases.forEach(c -> counts[RiskBins.of(c.predictedRisk())]++);
        return counts;
    }

    /** One aggregate per group of the plan, in group order (empty groups included). */
    public List<GroupAggregate> groups(CalibrationPlan plan) {
        List<List<HeldOutRisk>> members = new ArrayList<>();
        for (int g = 0; g < plan.groups(); g++) {
            members.add(new ArrayList<>());
        }
        cases.forEach(c -> members.get(plan.groupOf(RiskBins.of(c.predictedRisk()))).add(c));
        return members.stream().map(GroupAggregate::of).toList();
    }
}
