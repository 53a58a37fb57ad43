package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.weights.ModelWeights;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished training round: the model it produced and where that model came from (lineage).
 *
 * @param contributors the sites whose updates were aggregated, sorted
 * @param reports      every accepted report of the round (training and evaluation), by site
 * @param took         wall time from the round's opening to its close
 */
public record ClosedRound(RunConfiguration config, int round, ModelWeights global, List<String> contributors,
                          Map<String, SiteReport> reports, Duration took) {
}
