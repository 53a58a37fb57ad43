package io.tumorboard.federation.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.weights.ModelWeights;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorCrashIT {

    @TempDir
    Path dir;

    @Test
    void coordinatorKilledTwiceMidRunResumesFromItsCheckpointAndEndsBitIdenticalToAnUninterruptedRun()
            throws Exception {
        SyntheticCohort cohort = SyntheticCohort.generate(3, 8, 120, 3L);
        RunConfiguration cfg = RunConfiguration.of("crash", 10, 3, 3)
                .withTraining(1, 0.1, Duration.ofSeconds(20), 99L);

        ModelWeights uninterrupted = new ScriptedFederation(cohort, cfg).run(dir.resolve("straight"), (s, t) -> t);

        ScriptedFederation interrupted = new ScriptedFederation(cohort, cfg);
        ModelWeights resumed;
        try (LoopbackFederation fed = interrupted.open(dir.resolve("crashing"))) {
            fed.startCoordinator();
            for (SyntheticCohort.Site s : cohort.sites()) {
                fed.startSite(s.name(), new LogisticTrainer(s.train(), s.test()));
            }
            for (int killAfter : new int[] {3, 7}) {
                while (fed.run().completedRounds() < killAfter) {
                    Thread.sleep(2);
                }
                fed.killCoordinator();
                int checkpointed = fed.run().completedRounds();
                Thread.sleep(300);
                fed.startCoordinator();
                assertThat(fed.run().completedRounds()).as("resumed from the last completed round")
                        .isEqualTo(checkpointed);
            }
            assertThat(fed.awaitFinished(Duration.ofSeconds(60))).isTrue();
            resumed = fed.run().global();
        }
        assertThat(resumed.values()).as("final weights, bit for bit").isEqualTo(uninterrupted.values());
        assertThat(Float.floatToRawIntBits(resumed.values()[0]))
                .isEqualTo(Float.floatToRawIntBits(uninterrupted.values()[0]));
    }
}
