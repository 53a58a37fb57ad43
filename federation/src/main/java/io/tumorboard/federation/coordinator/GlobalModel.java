package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.Strategy;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The run's global model and the training rounds folded into it so far (with FedAdam's moments): taken from the
 * checkpoint a restarted coordinator resumes from, or the initial model, and advanced at every round close by
 * aggregating the round's updates straight into the round's checkpoint.
 */
final class GlobalModel {

    private final RunCheckpoint checkpoint;
    private final AdamStep adam;
    private final Aggregation aggregation;
    private ModelWeights weights;
    private int completed;

    GlobalModel(RunConfiguration cfg, ModelWeights initial, RunCheckpoint checkpoint,
                Optional<RunCheckpoint.State> resumed) {
        this.checkpoint = checkpoint;
        this.weights = resumed.map(RunCheckpoint.State::global).orElse(initial.copy());
        this.completed = resumed.map(RunCheckpoint.State::completedRounds).orElse(0);
        int n = initial.layout().size();
        this.adam = cfg.strategy() != Strategy.FED_ADAM ? null : new AdamStep(cfg.serverLearningRate(),
                cfg.adamBeta1(), cfg.adamBeta2(), cfg.adamTau(),
                resumed.map(RunCheckpoint.State::adamM).orElse(new float[n]),
                resumed.map(RunCheckpoint.State::adamV).orElse(new float[n]));
        this.aggregation = new Aggregation(rule(cfg), adam != null ? adam : ServerStep.plain());
    }

    private static CoordinateRule rule(RunConfiguration cfg) {
        return switch (cfg.strategy()) {
            case FED_AVG, FED_PROX, FED_ADAM -> CoordinateRule.weightedMean();
            case COORDINATE_MEDIAN -> CoordinateRule.median();
            case TRIMMED_MEAN -> CoordinateRule.trimmedMean(cfg.trimFraction());
        };
    }

    /** The current global model (not a copy: treat it as read-only). */
    ModelWeights weights() {
        return weights;
    }

    int completedRounds() {
        return completed;
    }

    /** Folds round {@code round}'s updates into the next global model and checkpoints the round as completed. */
    void advance(int round, List<SpooledUpdate> updates) {
        try {
            checkpoint.save(round, out -> aggregation.apply(weights, updates, out), adam);
            completed = round;
            // The new model was written straight to the checkpoint, never beside the old one in memory; the old
            // one is let go before the new one is read back, so the coordinator holds one model at a time.
            ModelLayout layout = weights.layout();
            weights = null;
            weights = checkpoint.global(completed, layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot aggregate or checkpoint round " + round, e);
        }
    }
}
