package io.tumorboard.federation.simulation;

import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.RoundListeners;
import io.tumorboard.federation.metrics.MetricsEndpoint;
import io.tumorboard.federation.metrics.PrometheusRoundMetrics;
import io.tumorboard.federation.metrics.RoundMetricsJournal;
import io.tumorboard.federation.registry.ModelRegistry;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.site.RoundConfig;
import io.tumorboard.federation.weights.ModelWeights;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a whole federated training on synthetic non-IID hospitals and measures it: over mutual TLS on
 * loopback (a real coordinator and real site nodes in one JVM) or, for hundreds of sites, on the
 * in-process transport. Reports the final model against pooled and site-alone training on everyone's
 * held-out data, the round times and the JVM's peak heap.
 */
public final class FederationSimulation {

    /**
     * @param heterogeneity how far apart the sites' feature distributions are (0 = IID)
     * @param metricsPort   port for the Prometheus /metrics endpoint; negative for none
     */
    public record Options(RunConfiguration config, int sites, int dimension, int casesPerSite, double heterogeneity,
                          boolean inProcess, int metricsPort, Path workDir) {
    }

    /** What a simulation measured; round times in milliseconds, memory in bytes. */
    public record Result(int rounds, double federatedAccuracy, double pooledAccuracy, double bestSiteAloneAccuracy,
                         double meanRoundMs, double maxRoundMs, long peakHeapBytes, long wallMs) {
    }

    public Result run(Options o, RoundListener progress) throws Exception {
        RunConfiguration cfg = o.config();
        SyntheticCohort cohort = SyntheticCohort.generate(o.sites(), o.dimension(), o.casesPerSite(), cfg.seed(),
                o.heterogeneity());
        Map<String, LocalTrainer> trainers = new LinkedHashMap<>();
        for (SyntheticCohort.Site s : cohort.sites()) {
            trainers.put(s.name(), new LogisticTrainer(s.train(), s.test()));
        }
        ModelWeights initial = trainers.values().iterator().next().initialModel();
        List<Long> roundMs = new ArrayList<>();
        PrometheusRoundMetrics prometheus = new PrometheusRoundMetrics();
        RoundListener listeners = new RoundListeners(List.of(progress, prometheus,
                new RoundMetricsJournal(o.workDir().resolve("metrics.jsonl")),
                new ModelRegistry(o.workDir().resolve("registry")), new RoundListener() {
                    @Override
                    public void roundClosed(ClosedRound round) {
                        roundMs.add(round.took().toMillis());
                    }
                }));
        resetPeaks();
        long start = System.nanoTime();
        ModelWeights finalModel;
        MetricsEndpoint endpoint = o.metricsPort() >= 0 ? new MetricsEndpoint("127.0.0.1", o.metricsPort(), prometheus::scrape) : null;
        try {
            Duration limit = cfg.roundTimeout().multipliedBy(cfg.rounds() + 2L);
            if (o.inProcess()) {
                try (InProcessFederation fed = new InProcessFederation(o.workDir().resolve("run"), cfg, initial, trainers,
                        listeners)) {
                    fed.start();
                    require(fed.awaitFinished(limit), fed.run().completedRounds());
                    finalModel = fed.run().global();
                }
            } else {
                try (LoopbackFederation fed = new LoopbackFederation(o.workDir().resolve("run"), cfg, initial,
                        trainers.keySet(), listeners)) {
                    fed.startCoordinator();
                    trainers.forEach(fed::startSite);
                    require(fed.awaitFinished(limit), fed.run().completedRounds());
                    finalModel = fed.run().global();
                }
            }
        } finally {
            if (endpoint != null) {
                endpoint.close();
            }
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long peak = peakHeap();
        LabelledExamples test = cohort.pooledTest();
        RoundConfig central = new RoundConfig(1, cfg.rounds() * cfg.localEpochs(), cfg.learningRate(), 0, cfg.seed());
        double pooled = LogisticTrainer.accuracy(
                new LogisticTrainer(cohort.pooledTrain(), test).train(initial, central).trained().values(), test);
        double bestAlone = 0;
        for (SyntheticCohort.Site s : cohort.sites()) {
            bestAlone = Math.max(bestAlone, LogisticTrainer.accuracy(
                    new LogisticTrainer(s.train(), s.test()).train(initial, central).trained().values(), test));
        }
        return new Result(roundMs.size(), LogisticTrainer.accuracy(finalModel.values(), test), pooled, bestAlone,
                roundMs.stream().mapToLong(Long::longValue).average().orElse(0),
                roundMs.stream().mapToLong(Long::longValue).max().orElse(0), peak, wallMs);
    }

    private static void require(boolean finished, int completed) {
        if (!finished) {
            throw new IllegalStateException("the simulated run did not finish in time; " + completed + " rounds completed");
        }
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound: it counts garbage too). */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
