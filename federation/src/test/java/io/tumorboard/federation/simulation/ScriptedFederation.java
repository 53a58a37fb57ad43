package io.tumorboard.federation.simulation;

import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.weights.ModelWeights;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Test helper: runs a synthetic cohort through a loopback federation and returns the final model. */
final class ScriptedFederation {

    final List<ClosedRound> closed = new CopyOnWriteArrayList<>();
    final SyntheticCohort cohort;
    final RunConfiguration cfg;

    ScriptedFederation(SyntheticCohort cohort, RunConfiguration cfg) {
        this.cohort = cohort;
        this.cfg = cfg;
    }

    ModelWeights initial() {
        SyntheticCohort.Site s = cohort.sites().get(0);
        return new LogisticTrainer(s.train(), s.test()).initialModel();
    }

    Set<String> names() {
        return cohort.sites().stream().map(SyntheticCohort.Site::name).collect(Collectors.toSet());
    }

    LoopbackFederation open(Path dir) {
        return new LoopbackFederation(dir, cfg, initial(), names(), new RoundListener() {
            @Override
            public void roundClosed(ClosedRound round) {
                closed.add(round);
            }
        });
    }

    /** Runs to the end; {@code decorate} may wrap a site's honest trainer (e.g. to poison it). */
    ModelWeights run(Path dir, BiFunction<SyntheticCohort.Site, LocalTrainer, LocalTrainer> decorate)
            throws Exception {
        try (LoopbackFederation fed = open(dir)) {
            fed.startCoordinator();
            for (SyntheticCohort.Site s : cohort.sites()) {
                fed.startSite(s.name(), decorate.apply(s, new LogisticTrainer(s.train(), s.test())));
            }
            if (!fed.awaitFinished(Duration.ofSeconds(90))) {
                throw new AssertionError("run " + cfg.runId() + " did not finish; completed "
                        + fed.run().completedRounds() + " rounds");
            }
            return fed.run().global();
        }
    }

    double accuracy(ModelWeights w) {
        return LogisticTrainer.accuracy(w.values(), cohort.pooledTest());
    }
}
