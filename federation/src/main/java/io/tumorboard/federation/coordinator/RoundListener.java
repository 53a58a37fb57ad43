package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;

/** Observers of a run's progress: metrics journals, Prometheus gauges, the model registry, progress bars. */
public interface RoundListener {

    /** A site's result was accepted (a training update or an evaluation). */
    default void siteReported(String runId, int round, String site, SiteReport report) {
    }

    /** A training round closed and its new global model is checkpointed. */
    default void roundClosed(ClosedRound round) {
    }

    /** The run is over (all rounds and the final evaluation done). */
    default void runFinished(String runId, int completedRounds) {
    }
}
