package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.util.List;
import java.util.Map;

/** Observers of a run's progress: metrics journals, Prometheus gauges, the model registry, progress bars. */
public interface RoundListener {

    /** A site's result was accepted (a training update or an evaluation). */
    default void siteReported(String runId, int round, String site, SiteReport report) {
    }

    /** A training round closed and its new global model is checkpointed. */
    default void roundClosed(ClosedRound round) {
    }

    /**
     * The final evaluation (round R+1, the final model evaluated everywhere) is over; called once per run, before
     * the calibration round, with every evaluation it accepted.
     *
     * @param version the evaluated model version (the last completed round)
     */
    default void finalEvaluationClosed(String runId, int version, Map<String, SiteReport> reports) {
    }

    /** A masked calibration exchange was opened (a repeated one names the sites it dropped). */
    default void exchangeOpened(ExchangeOpened exchange) {
    }

    /**
     * The final model's calibration table, summed from the sites' masked counts in the calibration round; called
     * before {@link #runFinished} when at least two sites whose learner predicts survival answered every exchange.
     *
     * @param version the calibrated model version (the last completed round)
     */
    default void calibrated(String runId, int version, List<CalibrationGroup> table) {
    }

    /** The run is over (all rounds and the final evaluation done). */
    default void runFinished(String runId, int completedRounds) {
    }
}
