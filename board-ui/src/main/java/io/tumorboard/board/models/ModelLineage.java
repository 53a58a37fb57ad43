package io.tumorboard.board.models;

import java.util.List;
import java.util.Map;

/**
 * Where a model version came from, as the federation's {@code lineage.json} records it.
 *
 * @param run the training run
 * @param round the federated round whose global model this is
 * @param strategy the aggregation strategy (e.g. FED_AVG, FED_PROX)
 * @param configDigest the digest of the run's configuration
 * @param sites the sites whose updates were aggregated in this round
 * @param siteMetrics each site's aggregate metrics for the round (site to metric name to value, in file order)
 * @param weightsSha256 the SHA-256 of the global weights
 * @param parent the previous version of the run, null for the first round
 */
public record ModelLineage(String run, int round, String strategy, String configDigest, List<String> sites,
        Map<String, Map<String, String>> siteMetrics, String weightsSha256, String parent) {

    public ModelLineage {
        sites = List.copyOf(sites);
        siteMetrics = Map.copyOf(siteMetrics);
    }
}
