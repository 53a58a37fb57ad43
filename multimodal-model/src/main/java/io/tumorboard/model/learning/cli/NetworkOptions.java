package io.tumorboard.model.learning.cli;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Network and training options shared by train, evaluate and bench. */
final class NetworkOptions {

    @Option(names = "--encoder-width", defaultValue = "32", description = "encoder hidden width (default ${DEFAULT-VALUE})")
    int encoderWidth;

    @Option(names = "--embedding-width", defaultValue = "16", description = "embedding width (default ${DEFAULT-VALUE})")
    int embeddingWidth;

    @Option(names = "--intervals", defaultValue = "15", description = "survival intervals (default ${DEFAULT-VALUE})")
    int intervals;

    @Option(names = "--horizon-days", defaultValue = "1825", description = "survival horizon, days (default ${DEFAULT-VALUE})")
    int horizonDays;

    @Option(names = "--epochs", defaultValue = "60", description = "maximum epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "batch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--learning-rate", defaultValue = "0.003", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--patience", defaultValue = "8", description = "early-stopping patience, epochs (default ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--seed", defaultValue = "42", description = "seed of splits, weights and batches (default ${DEFAULT-VALUE})")
    long seed;

    ModelSpec spec() {
        return new ModelSpec(encoderWidth, embeddingWidth, ModelSpec.Fusion.GATED, EnumSet.allOf(Modality.class), 0.2,
                0.25, new SurvivalIntervals(intervals, horizonDays), seed);
    }

    TrainingConfig training() {
        return new TrainingConfig(epochs, batch, learningRate, 0.0, null, List.of(), patience, seed);
    }
}
