package io.tumorboard.federation.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.site.EvaluationResult;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.site.RoundConfig;
import io.tumorboard.federation.site.SiteNode;
import io.tumorboard.federation.site.TrainingResult;
import io.tumorboard.federation.weights.ModelWeights;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteDropoutIT {

    @TempDir
    Path dir;

    @Test
    void sitesKilledBeforeTrainingAndDuringUploadDoNotStopTheRunWhichClosesRoundsOnTimeoutWithItsQuorum()
            throws Exception {
        SyntheticCohort cohort = SyntheticCohort.generate(4, 8, 80, 13L);
        RunConfiguration cfg = RunConfiguration.of("dropouts", 6, 4, 2)
                .withTraining(1, 0.1, Duration.ofMillis(1_500), 2L);
        ScriptedFederation script = new ScriptedFederation(cohort, cfg);
        AtomicReference<LoopbackFederation> fedRef = new AtomicReference<>();
        String beforeTraining = cohort.sites().get(0).name();
        String duringUpload = cohort.sites().get(1).name();
        AtomicInteger uploadsOfSecond = new AtomicInteger();

        try (LoopbackFederation fed = script.open(dir)) {
            fedRef.set(fed);
            fed.startCoordinator();
            for (SyntheticCohort.Site s : cohort.sites()) {
                LocalTrainer honest = new LogisticTrainer(s.train(), s.test());
                if (s.name().equals(beforeTraining)) {
                    fed.startSite(s.name(), dyingBeforeRound(honest, 2, () -> fedRef.get().killSite(beforeTraining)));
                } else if (s.name().equals(duringUpload)) {
                    // 9 fp32 values in 8-byte chunks: the site is cut off after the first chunk of its 3rd upload.
                    fed.startSite(s.name(), honest, sent -> {
                        if (sent == 8 && uploadsOfSecond.incrementAndGet() == 3) {
                            fedRef.get().killSite(duringUpload);
                        }
                    }, 8, true);
                } else {
                    fed.startSite(s.name(), honest);
                }
            }
            assertThat(fed.awaitFinished(Duration.ofSeconds(60))).as("run finished despite two dead sites").isTrue();
            assertThat(fed.run().completedRounds()).isEqualTo(6);
            assertThat(fed.siteNodes()).filteredOn(n -> n.site().equals(beforeTraining) || n.site().equals(duringUpload))
                    .extracting(SiteNode::outcome).doesNotContain(SiteNode.Outcome.DONE);
        }
        assertThat(script.closed.get(0).contributors()).hasSize(4);
        ClosedRound last = script.closed.get(script.closed.size() - 1);
        assertThat(last.contributors()).as("the last round closed on timeout with the two live sites")
                .containsExactlyInAnyOrder(cohort.sites().get(2).name(), cohort.sites().get(3).name());
        assertThat(last.took()).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
    }

    private static LocalTrainer dyingBeforeRound(LocalTrainer honest, int round, Runnable kill) {
        return new LocalTrainer() {
            @Override
            public ModelWeights initialModel() {
                return honest.initialModel();
            }

            @Override
            public TrainingResult train(ModelWeights global, RoundConfig cfg) {
                if (cfg.round() >= round) {
                    kill.run();
                    throw new IllegalStateException("site crashed before training round " + cfg.round());
                }
                return honest.train(global, cfg);
            }

            @Override
            public EvaluationResult evaluate(ModelWeights weights) {
                return honest.evaluate(weights);
            }
        };
    }
}
