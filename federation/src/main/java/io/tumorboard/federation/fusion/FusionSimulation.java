package io.tumorboard.federation.fusion;

import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.RoundListeners;
import io.tumorboard.federation.metrics.RoundMetricsJournal;
import io.tumorboard.federation.registry.ModelRegistry;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.simulation.LoopbackFederation;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.SiteFeatureSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The fusion network trained federatedly in one JVM over mutual TLS on loopback: one site per hospital's
 * JSON-lines case file (file name = site name), or the learning module's synthetic multi-site cohort. The
 * shared feature pipeline is fitted as in a real consortium: each site summarises its own training cases
 * ({@link SiteFeatureSummary}: counts, medians, IQRs, small cells suppressed) and the coordinator fits the
 * pipeline from those summaries alone.
 */
public final class FusionSimulation {

    /** Each site's held-out Harrell C on the final model (the evaluation-only round). */
    public Map<String, Double> run(RunConfiguration cfg, Map<String, SiteCaseDataset> sites, Path workDir,
                                   RoundListener progress) throws Exception {
        List<SiteFeatureSummary> summaries = new ArrayList<>();
        sites.forEach((name, d) -> summaries.add(SiteFeatureSummary.of(name, d.training())));
        FusionSetup setup = FusionSetup.fromSummaries(summaries, cfg.seed());
        Map<String, FusionModelTrainer> trainers = new TreeMap<>();
        sites.forEach((name, d) -> trainers.put(name, new FusionModelTrainer(setup, d.training(), d.heldOut())));
        String first = trainers.keySet().iterator().next();
        ModelRegistry registry = new ModelRegistry(workDir.resolve("registry"), new FusionPackager(setup, summaries),
                java.time.Clock.systemUTC());
        registry.runStarted(cfg, sites.keySet(), Map.of("model", "fusion", "fusionSetupSha256", setup.digest()));
        Map<String, Double> finalC = new ConcurrentHashMap<>();
        RoundListener finalEvaluation = new RoundListener() {
            @Override
            public void siteReported(String runId, int round, String site, SiteReport report) {
                Double c = report.metrics().get("eval_harrell_c");
                if (round > cfg.rounds() && report.kind() == TaskKind.EVALUATE && c != null) {
                    finalC.put(site, c);
                }
            }
        };
        RoundListener listeners = new RoundListeners(List.of(progress, finalEvaluation,
                new RoundMetricsJournal(workDir.resolve("metrics.jsonl")), registry));
        try (LoopbackFederation fed = new LoopbackFederation(workDir.resolve("run"), cfg,
                trainers.get(first).initialModel(), trainers.keySet(), listeners)) {
            fed.startCoordinator();
            trainers.forEach(fed::startSite);
            if (!fed.awaitFinished(cfg.roundTimeout().multipliedBy(cfg.rounds() + 2L))) {
                throw new IllegalStateException("the fusion run did not finish; " + fed.run().completedRounds()
                        + " rounds completed");
            }
        }
        return new TreeMap<>(finalC);
    }

    /** One dataset per {@code *.jsonl} file in {@code dir}; the site is the file name without extension. */
    public static Map<String, SiteCaseDataset> fromFolder(Path dir, int heldOutPercent) throws IOException {
        Map<String, SiteCaseDataset> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.jsonl$", "");
                out.put(name, SiteCaseDataset.read(f, heldOutPercent));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no *.jsonl case files in " + dir);
        }
        return out;
    }

    /** The learning module's synthetic cohort split over {@code siteCount} sites (non-IID by construction there). */
    public static Map<String, SiteCaseDataset> synthetic(int siteCount, int casesPerSite, long seed, int heldOutPercent) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= siteCount; i++) {
            names.add(String.format("site-%02d", i));
        }
        List<PatientCase> cohort = new SyntheticCohort(seed).cases(casesPerSite * siteCount, names);
        Map<String, SiteCaseDataset> out = new TreeMap<>();
        for (String n : names) {
            out.put(n, SiteCaseDataset.split(cohort.stream().filter(c -> c.site().equals(n)).toList(), heldOutPercent));
        }
        return out;
    }
}
