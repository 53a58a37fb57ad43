package io.tumorboard.federation.registry;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one model version did on the sites' held-out cases: each site's evaluation metrics and example count, and
 * their example-weighted means ("global"). A version is evaluated by the reports of the round after it (every
 * site evaluates the incoming global model, trainers before they train) or by the final evaluation-only round.
 *
 * @param round the evaluated version's round (0 = the initial model)
 * @param sites per site: its held-out example count and metrics (names without the {@code eval_} prefix)
 * @param global example-weighted mean of each metric over the sites that reported it
 * @param examples held-out examples over all sites
 */
public record FederatedEvaluation(int round, Map<String, SiteMetrics> sites, Map<String, Double> global, long examples) {

    /** One site's evaluation: held-out examples and metrics. */
    public record SiteMetrics(long examples, Map<String, Double> metrics) {
    }

    /** The evaluation carried by the reports of round {@code reportedIn}, i.e. of version {@code reportedIn - 1}. */
    public static FederatedEvaluation of(int reportedIn, Map<String, SiteReport> reports) {
        Map<String, SiteMetrics> sites = new TreeMap<>();
        reports.forEach((site, r) -> {
            Map<String, Double> m = new TreeMap<>();
            r.metrics().forEach((k, v) -> {
                if (k.startsWith("eval_") && !k.equals("eval_examples")) {
                    m.put(k.substring("eval_".length()), v);
                }
            });
            long examples = r.kind() == TaskKind.EVALUATE ? r.exampleCount()
                    : Math.round(r.metrics().getOrDefault("eval_examples", 0.0));
            if (!m.isEmpty()) {
                sites.put(site, new SiteMetrics(examples, m));
            }
        });
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Long> weights = new TreeMap<>();
        sites.values().forEach(s -> s.metrics().forEach((k, v) -> {
            if (Double.isFinite(v) && s.examples() > 0) {
                sums.merge(k, v * s.examples(), Double::sum);
                weights.merge(k, s.examples(), Long::sum);
            }
        }));
        Map<String, Double> global = new TreeMap<>();
        sums.forEach((k, sum) -> global.put(k, sum / weights.get(k)));
        return new FederatedEvaluation(reportedIn - 1, sites, global,
                sites.values().stream().mapToLong(SiteMetrics::examples).sum());
    }

    public boolean isEmpty() {
        return sites.isEmpty();
    }
}
