package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.util.List;

/** Observers of a run's progress: metrics journals, Prometheus gauges, the model registry, progress bars. */
public interface RoundListener {

    /** A site's result was accepted (a training update or an evaluation). */
    default void siteReported(String runId, int round, String site, SiteReport report) {
    }

    /** A training round closed and its new global model is checkpointed. */
    default void roundClosed(ClosedRound round) {
    }

    /**
     * The final model's calibration table, pooled from the sites' aggregates in the calibration round; called
     * before {@link #runFinished} when the sites' learner predicts survival and every histogram's site answered.
     *
     * @param version the calibrated model version (the last completed round)
     */
    default void calibrated(String runId, int version, List<CalibrationGroup> table) {
    }

    /** The run is over (all rounds and the final evaluation done). */
    default void runFinished(String runId, int completedRounds) {
    }
}
