package io.tumorboard.federation.site;

import io.tumorboard.federation.weights.ModelWeights;

/**
 * The port a learner implements to take part in federated training: train from the global model on the
 * site's own data, and evaluate a model on the site's held-out data. Implementations must be
 * deterministic for a given {@link RoundConfig#seed()} so that runs with fixed seeds are reproducible. A trainer
 * reads the models it is given during the call only and keeps no reference to them or their values: once the
 * task is done the site gives the global model back to its link, which decodes the next one into the same array
 * ({@link CoordinatorLink#recycle}).
 */
public interface LocalTrainer {

    /** The layout (and initial values) of the model this trainer learns; the coordinator starts from it. */
    ModelWeights initialModel();

    TrainingResult train(ModelWeights global, RoundConfig cfg);

    EvaluationResult evaluate(ModelWeights weights);

    /**
     * Whether {@link #evaluate} returns held-out survival predictions ({@link EvaluationResult#calibration()}); such a
     * site takes part in the run's masked calibration exchanges, so it registers with a masking key.
     */
    default boolean predictsSurvival() {
        return false;
    }
}
