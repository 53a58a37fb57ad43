package io.tumorboard.federation.cli;

import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.fusion.FusionSimulation;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.Strategy;
import io.tumorboard.federation.simulation.FederationSimulation;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code federation simulate}: a whole run in one JVM on synthetic non-IID hospitals. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run coordinator and sites in one JVM over real gRPC with mutual TLS on loopback "
                + "(or --in-process for hundreds of sites) on synthetic non-IID hospitals.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--sites", defaultValue = "3") int sites;
    @Option(names = "--rounds", defaultValue = "20") int rounds;
    @Option(names = "--sites-per-round", description = "Default: all sites.") Integer sitesPerRound;
    @Option(names = "--min-sites", description = "Default: sites per round.") Integer minSites;
    @Option(names = "--round-timeout-ms", defaultValue = "30000") long roundTimeoutMs;
    @Option(names = "--local-epochs", defaultValue = "1") int localEpochs;
    @Option(names = "--learning-rate", defaultValue = "0.1") double learningRate;
    @Option(names = "--strategy", defaultValue = "FED_AVG", description = "${COMPLETION-CANDIDATES}") Strategy strategy;
    @Option(names = "--mu", defaultValue = "0", description = "FedProx proximal weight.") double mu;
    @Option(names = "--encoding", defaultValue = "FP32", description = "${COMPLETION-CANDIDATES}") UpdateEncoding encoding;
    @Option(names = "--dp-clip", defaultValue = "0", description = "DP clipping bound (0 = off).") double dpClip;
    @Option(names = "--dp-noise", defaultValue = "0", description = "DP noise multiplier.") double dpNoise;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--dimension", defaultValue = "8", description = "Features per synthetic case.") int dimension;
    @Option(names = "--cases", defaultValue = "120", description = "Training cases at the smallest site.") int cases;
    @Option(names = "--heterogeneity", defaultValue = "1.5", description = "Site feature shift (0 = IID).") double heterogeneity;
    @Option(names = "--in-process", description = "In-process transport (no TLS), for hundreds of sites.") boolean inProcess;
    @Option(names = "--metrics-port", defaultValue = "-1", description = "Serve /metrics on this port (0 = any; -1 = off).") int metricsPort;
    @Option(names = "--work", description = "Work folder (default: a temporary folder).") Path work;
    @Option(names = "--model", defaultValue = "logistic", description = "logistic (synthetic tabular sites) or fusion "
            + "(the multimodal survival network on patient cases).") String model;
    @Option(names = "--cases-dir", description = "With --model fusion: one JSON-lines case file per site "
            + "(file name = site); default: the learning module's synthetic cohort.") Path casesDir;

    @Override
    public Integer call() throws Exception {
        int perRound = sitesPerRound == null ? sites : sitesPerRound;
        RunConfiguration cfg = RunConfiguration.of("simulation-" + seed, rounds, perRound, minSites == null ? perRound : minSites)
                .withTraining(localEpochs, learningRate, Duration.ofMillis(roundTimeoutMs), seed)
                .withStrategy(strategy, mu).withEncoding(encoding, 1e3);
        if (dpClip > 0) {
            cfg = cfg.withPrivacy(dpClip, dpNoise, 1e-5);
        }
        Path dir = work != null ? work : Files.createTempDirectory("federation-simulation");
        if (model.equals("fusion")) {
            return fusion(cfg, dir);
        }
        FederationSimulation.Result r;
        try (ProgressBar bar = new ProgressBar("rounds", rounds)) {
            r = new FederationSimulation().run(new FederationSimulation.Options(cfg, sites, dimension, cases,
                    heterogeneity, inProcess, metricsPort, dir), new RoundListener() {
                        @Override
                        public void roundClosed(ClosedRound round) {
                            bar.stepTo(round.round());
                            bar.setExtraMessage(round.contributors().size() + " sites, " + round.took().toMillis() + " ms");
                        }
                    });
        }
        System.out.printf("sites %d  rounds %d  transport %s  strategy %s%n", sites, r.rounds(),
                inProcess ? "in-process" : "gRPC + mTLS loopback", strategy);
        System.out.printf("accuracy on all sites' held-out data: federated %.4f  pooled %.4f  best site alone %.4f"
                + "  (federated/pooled %.3f)%n", r.federatedAccuracy(), r.pooledAccuracy(), r.bestSiteAloneAccuracy(),
                r.federatedAccuracy() / r.pooledAccuracy());
        System.out.printf("round time mean %.1f ms, max %.1f ms; wall %d ms; JVM peak heap %.1f MiB%n", r.meanRoundMs(),
                r.maxRoundMs(), r.wallMs(), r.peakHeapBytes() / 1048576.0);
        System.out.printf("work folder (metrics.jsonl, registry/, audit log): %s%n", dir);
        return 0;
    }

    private Integer fusion(RunConfiguration cfg, Path dir) throws Exception {
        var sitesData = casesDir != null ? FusionSimulation.fromFolder(casesDir, 25)
                : FusionSimulation.synthetic(sites, cases, seed, 25);
        RunConfiguration fusionCfg = RunConfiguration.of(cfg.runId(), rounds, Math.min(cfg.sitesPerRound(), sitesData.size()),
                Math.min(cfg.minSites(), sitesData.size())).withTraining(localEpochs, learningRate,
                Duration.ofMillis(roundTimeoutMs), seed).withStrategy(strategy, mu).withEncoding(encoding, 1e6);
        java.util.Map<String, Double> finalC;
        try (ProgressBar bar = new ProgressBar("rounds", rounds)) {
            finalC = new FusionSimulation().run(fusionCfg, sitesData, dir, new RoundListener() {
                @Override
                public void roundClosed(ClosedRound round) {
                    bar.stepTo(round.round());
                    bar.setExtraMessage(round.contributors().size() + " sites, " + round.took().toMillis() + " ms");
                }
            });
        }
        System.out.printf("fusion network, %d sites, %d rounds; final model's held-out Harrell C per site: %s%n",
                sitesData.size(), rounds, finalC);
        System.out.printf("work folder (metrics.jsonl, registry/, audit log): %s%n", dir);
        return 0;
    }
}
