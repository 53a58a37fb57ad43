package io.tumorboard.federation.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.SiteReport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's progress as Prometheus metrics: {@code federation_site_metric{run,site,metric}} (the latest
 * value each site reported, e.g. eval_accuracy), {@code federation_site_examples}, {@code
 * federation_site_dp_epsilon}, {@code federation_rounds_completed{run}} and the round duration timer
 * {@code federation_round_duration_seconds}.
 */
public final class PrometheusRoundMetrics implements RoundListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rounds = new ConcurrentHashMap<>();

    @Override
    public void siteReported(String runId, int round, String site, SiteReport report) {
        report.metrics().forEach((metric, value) -> gauge("federation_site_metric", runId, site, metric)[0] = value);
        gauge("federation_site_examples", runId, site, report.kind().name().toLowerCase(java.util.Locale.ROOT))[0] =
                report.exampleCount();
        gauge("federation_site_dp_epsilon", runId, site, "epsilon")[0] = report.epsilonSpent();
    }

    @Override
    public void roundClosed(ClosedRound round) {
        String run = round.config().runId();
        rounds.computeIfAbsent(run, r -> registry.gauge("federation_rounds_completed",
                io.micrometer.core.instrument.Tags.of("run", r), new AtomicLong())).set(round.round());
        Timer.builder("federation_round_duration").tag("run", run).register(registry).record(round.took());
    }

    private double[] gauge(String name, String run, String site, String metric) {
        return gauges.computeIfAbsent(name + '|' + run + '|' + site + '|' + metric, k -> {
            double[] holder = new double[1];
            Gauge.builder(name, holder, h -> h[0]).tag("run", run).tag("site", site).tag("metric", metric)
                    .register(registry);
            return holder;
        });
    }

    /** The metrics in Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
