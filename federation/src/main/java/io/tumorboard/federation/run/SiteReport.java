package io.tumorboard.federation.run;

import io.tumorboard.federation.calibration.MaskedCounts;
import java.util.Map;

/**
 * What a site says about one finished task, besides the update itself: the round and task it answers,
 * how many examples it used and aggregate metrics. Never a patient-level value.
 *
 * @param exampleCount training examples (TRAIN) or held-out examples (EVALUATE)
 * @param epsilonSpent differential-privacy epsilon this site has spent in the run so far (0 without DP)
 * @param masked the site's calibration counts, masked for the exchange its task named; null when none was named
 */
public record SiteReport(int round, String taskId, TaskKind kind, long exampleCount,
                         Map<String, Double> metrics, double epsilonSpent, MaskedCounts masked) {

    public SiteReport {
        metrics = Map.copyOf(metrics);
        if (exampleCount < 0) {
            throw new IllegalArgumentException("negative example count " + exampleCount);
        }
    }

    public SiteReport(int round, String taskId, TaskKind kind, long exampleCount, Map<String, Double> metrics,
                      double epsilonSpent) {
        this(round, taskId, kind, exampleCount, metrics, epsilonSpent, null);
    }
}
