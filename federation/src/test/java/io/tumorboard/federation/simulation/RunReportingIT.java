package io.tumorboard.federation.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.coordinator.RoundListeners;
import io.tumorboard.federation.metrics.MetricsEndpoint;
import io.tumorboard.federation.metrics.PrometheusRoundMetrics;
import io.tumorboard.federation.metrics.RoundMetricsJournal;
import io.tumorboard.federation.registry.ModelRegistry;
import io.tumorboard.federation.registry.ModelVersion;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.Strategy;
import io.tumorboard.federation.site.EvaluationResult;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.site.RoundConfig;
import io.tumorboard.federation.site.SiteNode;
import io.tumorboard.federation.site.TrainingResult;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportingIT {

    @TempDir
    Path dir;

    @Test
    void aFedAdamRunWithDpAndInt8UpdatesReportsPerSiteMetricsAsJsonLinesAndPrometheusAndFilesEveryRoundWithLineage()
            throws Exception {
        SyntheticCohort cohort = SyntheticCohort.generate(3, 8, 100, 17L);
        RunConfiguration cfg = RunConfiguration.of("reported", 4, 3, 3)
                .withTraining(1, 0.1, Duration.ofSeconds(20), 4L).withStrategy(Strategy.FED_ADAM, 0)
                .withEncoding(UpdateEncoding.INT8, 1e3).withPrivacy(1.0, 0.8, 1e-5);
        Path journal = dir.resolve("metrics.jsonl");
        PrometheusRoundMetrics prometheus = new PrometheusRoundMetrics();
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Set<String> names = cohort.sites().stream().map(SyntheticCohort.Site::name).collect(Collectors.toSet());
        ModelWeights initial = new LogisticTrainer(cohort.sites().get(0).train(), cohort.sites().get(0).test()).initialModel();

        try (MetricsEndpoint endpoint = new MetricsEndpoint("127.0.0.1", 0, prometheus::scrape);
             LoopbackFederation fed = new LoopbackFederation(dir.resolve("run"), cfg, initial, names,
                     new RoundListeners(List.of(new RoundMetricsJournal(journal), prometheus, registry)))) {
            fed.startCoordinator();
            for (SyntheticCohort.Site s : cohort.sites()) {
                fed.startSite(s.name(), new LogisticTrainer(s.train(), s.test()));
            }
            assertThat(fed.awaitFinished(Duration.ofSeconds(60))).isTrue();

            String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(scraped).contains("federation_site_metric{metric=\"eval_accuracy\",run=\"reported\",site=\"hospital-001\"}")
                    .contains("federation_rounds_completed{run=\"reported\"} 4.0")
                    .contains("federation_site_dp_epsilon");
            for (SiteNode n : fed.siteNodes()) {
                List<Double> eps = n.epsilonByRound().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(java.util.Map.Entry::getValue).toList();
                assertThat(eps).hasSize(4).isSorted().allSatisfy(e -> assertThat(e).isPositive().isFinite());
                System.out.printf("site %s epsilon per round at delta 1e-5: %s%n", n.site(), eps);
            }
        }

        List<String> lines = Files.readAllLines(journal);
        // 4 rounds x 3 training reports + 4 round lines + 3 final evaluations.
        assertThat(lines.stream().filter(l -> l.contains("\"type\":\"site\"") && l.contains("\"TRAIN\""))).hasSize(12);
        assertThat(lines.stream().filter(l -> l.contains("\"type\":\"round\""))).hasSize(4);
        assertThat(lines.stream().filter(l -> l.contains("\"EVALUATE\"") && l.contains("\"round\":5"))).hasSize(3);
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContainIgnoringCase("patient"));

        assertThat(registry.versions("reported")).extracting(ModelVersion::round).containsExactly(1, 2, 3, 4);
        ModelVersion last = new ModelVersion("reported", 4);
        assertThat(registry.lineage(last).get("sites")).hasSize(3);
        assertThat(registry.lineage(last).get("parent").asText()).isEqualTo("reported/round-0003");
        assertThat(registry.lineage(last).get("strategy").asText()).isEqualTo("FED_ADAM");
        registry.promote(last, new io.tumorboard.federation.audit.AuditLog(dir.resolve("promotions.jsonl"), java.time.Clock.systemUTC()), "test", "last round");
        assertThat(registry.promoted()).contains(last);
        assertThat(registry.load(last).values()).hasSize(9);
    }

    @Test
    void aSiteRefusesARunItsGovernanceHasNotApprovedAndNeverTouchesItsData() throws Exception {
        SyntheticCohort cohort = SyntheticCohort.generate(1, 4, 50, 1L);
        SyntheticCohort.Site s = cohort.sites().get(0);
        RunConfiguration cfg = RunConfiguration.of("unapproved", 2, 1, 1).withTraining(1, 0.1, Duration.ofSeconds(5), 1L);
        AtomicInteger touched = new AtomicInteger();
        LocalTrainer honest = new LogisticTrainer(s.train(), s.test());
        LocalTrainer counting = new LocalTrainer() {
            @Override
            public ModelWeights initialModel() {
                return honest.initialModel();
            }

            @Override
            public TrainingResult train(ModelWeights global, RoundConfig c) {
                touched.incrementAndGet();
                return honest.train(global, c);
            }

            @Override
            public EvaluationResult evaluate(ModelWeights weights) {
                touched.incrementAndGet();
                return honest.evaluate(weights);
            }
        };
        try (LoopbackFederation fed = new LoopbackFederation(dir.resolve("unapproved"), cfg, honest.initialModel(),
                Set.of(s.name()), new io.tumorboard.federation.coordinator.RoundListener() { })) {
            fed.startCoordinator();
            SiteNode node = fed.startSite(s.name(), counting, b -> { }, 1 << 20, false);
            for (int i = 0; i < 250 && node.outcome() == SiteNode.Outcome.RUNNING; i++) {
                Thread.sleep(20);
            }
            assertThat(node.outcome()).isEqualTo(SiteNode.Outcome.RUN_NOT_APPROVED);
            assertThat(touched).hasValue(0);
            assertThat(fed.run().completedRounds()).isZero();
        }
    }
}
