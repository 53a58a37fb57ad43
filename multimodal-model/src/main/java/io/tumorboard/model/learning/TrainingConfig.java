package io.tumorboard.model.learning;

import io.tumorboard.model.cases.PatientCase;
import java.util.List;

/**
 * How one call to {@link FusionModel#train} trains.
 *
 * @param epochs maximum local epochs
 * @param batchSize examples per gradient step
 * @param learningRate Adam learning rate
 * @param proximalMu FedProx μ; 0 for plain local training (FedAvg)
 * @param globalParameters the global model's flat parameters the proximal term pulls towards; null when μ = 0
 * @param validation cases for early stopping and for the abstention threshold; empty to train all epochs
 * @param patience epochs without a better validation loss before training stops
 * @param seed seed of batch order and modality dropout
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double proximalMu,
                             double[] globalParameters, List<PatientCase> validation, int patience, long seed) {

    public TrainingConfig {
        validation = validation == null ? List.of() : List.copyOf(validation);
        if (proximalMu > 0 && globalParameters == null) {
            throw new IllegalArgumentException("a FedProx term (mu > 0) needs the global parameters");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1");
        }
    }

    public static TrainingConfig local(int epochs) {
        return new TrainingConfig(epochs, 32, 1e-3, 0.0, null, List.of(), 5, 7L);
    }

    public TrainingConfig withValidation(List<PatientCase> cases) {
        return new TrainingConfig(epochs, batchSize, learningRate, proximalMu, globalParameters, cases, patience, seed);
    }

    public TrainingConfig withFedProx(double mu, double[] global) {
        return new TrainingConfig(epochs, batchSize, learningRate, mu, global, validation, patience, seed);
    }
}
