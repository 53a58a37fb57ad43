package io.tumorboard.federation.site;

/**
 * What a local training pass needs from the run's configuration.
 *
 * @param learningRate local step size (dimensionless)
 * @param proximalMu   FedProx weight: the trainer adds mu * (w - w_global) to its gradient (0 = plain)
 * @param seed         seed for this site's data order in this round
 */
public record RoundConfig(int round, int localEpochs, double learningRate, double proximalMu, long seed) {
}
