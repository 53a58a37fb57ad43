package io.tumorboard.federation.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.simulation.LoopbackFederation;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.features.SiteFeatureSummary;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fusion network (with dropout) trained by two sites over mutual TLS: a coordinator killed after the
 * first round and restarted ends with the same global model, bit for bit, as an uninterrupted run.
 */
class FusionCrashIT {

    private static final ModelSpec TINY = new ModelSpec(8, 4, ModelSpec.Fusion.GATED, EnumSet.allOf(Modality.class),
            0.1, 0.25, new SurvivalIntervals(10, 5 * 365), 3L);
    private static final List<String> SITES = List.of("site-a", "site-b");

    @TempDir
    Path dir;

    @Test
    void aFusionRunWhoseCoordinatorIsKilledAndRestartedEndsBitIdenticalToAnUninterruptedRun() throws Exception {
        List<PatientCase> cohort = new SyntheticCohort(11).cases(160, SITES);
        RunConfiguration cfg = RunConfiguration.of("fusion-crash", 3, 2, 2)
                .withTraining(1, 1e-2, Duration.ofSeconds(60), 5L);

        ModelWeights uninterrupted;
        try (LoopbackFederation fed = federation(cohort, cfg, dir.resolve("straight"))) {
            startSites(fed, cohort);
            assertThat(fed.awaitFinished(Duration.ofSeconds(120))).isTrue();
            uninterrupted = fed.run().global();
        }

        ModelWeights resumed;
        try (LoopbackFederation fed = federation(cohort, cfg, dir.resolve("crashing"))) {
            startSites(fed, cohort);
            while (fed.run().completedRounds() < 1) {
                Thread.sleep(2);
            }
            fed.killCoordinator();
            int checkpointed = fed.run().completedRounds();
            Thread.sleep(300);
            fed.startCoordinator();
            assertThat(fed.run().completedRounds()).as("resumed from the last completed round").isEqualTo(checkpointed);
            assertThat(fed.awaitFinished(Duration.ofSeconds(120))).isTrue();
            resumed = fed.run().global();
        }

        assertThat(differingBits(resumed.values(), uninterrupted.values()))
                .as("final fusion weights that differ, bit for bit, of %d", resumed.values().length).isZero();
    }

    private static long differingBits(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                n++;
            }
        }
        return n;
    }

    /** A coordinator (started) over fresh site trainers' shared setup; sites are started by the caller. */
    private LoopbackFederation federation(List<PatientCase> cohort, RunConfiguration cfg, Path work) throws Exception {
        LoopbackFederation fed = new LoopbackFederation(work, cfg, trainers(cohort).get("site-a").initialModel(),
                Set.copyOf(SITES), new RoundListener() { });
        fed.startCoordinator();
        return fed;
    }

    private void startSites(LoopbackFederation fed, List<PatientCase> cohort) {
        trainers(cohort).forEach(fed::startSite);
    }

    /** Fresh trainers for every run, as two separate deployments would have. */
    private static Map<String, FusionModelTrainer> trainers(List<PatientCase> cohort) {
        Map<String, List<PatientCase>> bySite = new LinkedHashMap<>();
        List<SiteFeatureSummary> summaries = new ArrayList<>();
        for (String s : SITES) {
            List<PatientCase> cases = cohort.stream().filter(c -> c.site().equals(s)).toList();
            bySite.put(s, cases);
            summaries.add(SiteFeatureSummary.of(s, cases.subList(0, cases.size() * 3 / 4)));
        }
        FusionSetup setup = new FusionSetup(TINY, FeaturePipeline.fromSummaries(summaries));
        Map<String, FusionModelTrainer> trainers = new LinkedHashMap<>();
        bySite.forEach((s, cases) -> trainers.put(s, new FusionModelTrainer(setup,
                cases.subList(0, cases.size() * 3 / 4), cases.subList(cases.size() * 3 / 4, cases.size()))));
        return trainers;
    }
}
