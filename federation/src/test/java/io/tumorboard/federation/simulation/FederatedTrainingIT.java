package io.tumorboard.federation.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.site.RoundConfig;
import io.tumorboard.federation.site.SiteNode;
import io.tumorboard.federation.weights.ModelWeights;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederatedTrainingIT {

    @TempDir
    Path dir;

    @Test
    void fedAvgOverMutualTlsReachesPooledAccuracyOnNonIidSitesAndBeatsEverySiteAlone() throws Exception {
        SyntheticCohort cohort = SyntheticCohort.generate(3, 8, 120, 7L);
        int rounds = 30;
        RunConfiguration cfg = RunConfiguration.of("fedavg-it", rounds, 3, 3)
                .withTraining(1, 0.1, Duration.ofSeconds(20), 11L);
        ModelWeights initial = new LogisticTrainer(cohort.sites().get(0).train(), cohort.sites().get(0).test()).initialModel();
        Set<String> names = cohort.sites().stream().map(SyntheticCohort.Site::name).collect(Collectors.toSet());

        ModelWeights federated;
        try (LoopbackFederation fed = new LoopbackFederation(dir, cfg, initial, names, new RoundListener() { })) {
            fed.startCoordinator();
            for (SyntheticCohort.Site s : cohort.sites()) {
                fed.startSite(s.name(), new LogisticTrainer(s.train(), s.test()));
            }
            assertThat(fed.awaitFinished(Duration.ofSeconds(60))).as("run finished").isTrue();
            assertThat(fed.run().completedRounds()).isEqualTo(rounds);
            federated = fed.run().global();
            Thread.sleep(200);
            assertThat(fed.siteNodes()).extracting(SiteNode::outcome).containsOnly(SiteNode.Outcome.DONE);
            assertThat(fed.audit().entries()).as("no refusals in a clean run").isEmpty();
        }

        LabelledExamples test = cohort.pooledTest();
        RoundConfig central = new RoundConfig(1, rounds, 0.1, 0, 11L);
        ModelWeights pooled = new LogisticTrainer(cohort.pooledTrain(), test).train(initial, central).trained();
        double fedAcc = LogisticTrainer.accuracy(federated.values(), test);
        double pooledAcc = LogisticTrainer.accuracy(pooled.values(), test);
        double bestAlone = 0;
        for (SyntheticCohort.Site s : cohort.sites()) {
            ModelWeights alone = new LogisticTrainer(s.train(), s.test()).train(initial, central).trained();
            double acc = LogisticTrainer.accuracy(alone.values(), test);
            bestAlone = Math.max(bestAlone, acc);
            System.out.printf("site-alone %s accuracy %.4f%n", s.name(), acc);
        }
        System.out.printf("federated %.4f  pooled %.4f  best site-alone %.4f  federated/pooled %.4f  "
                + "federated/best-alone %.4f%n", fedAcc, pooledAcc, bestAlone, fedAcc / pooledAcc, fedAcc / bestAlone);
        assertThat(fedAcc / pooledAcc).as("federated / pooled accuracy").isGreaterThanOrEqualTo(0.98);
        assertThat(fedAcc).as("federated beats the best site alone").isGreaterThan(bestAlone);
    }
}
