package io.tumorboard.federation.site;

import java.util.Random;

/**
 * Differential privacy on a site's update: clip its L2 norm to {@code clip}, then add Gaussian noise of
 * standard deviation {@code noiseMultiplier * clip} to every coordinate (the Gaussian mechanism as used by
 * DP-FedAvg, McMahan et al., ICLR 2018). The unit of privacy is the site's whole contribution to a round.
 */
final class UpdatePrivatizer {

    private final double clip;
    private final double noiseMultiplier;

    UpdatePrivatizer(double clip, double noiseMultiplier) {
        this.clip = clip;
        this.noiseMultiplier = noiseMultiplier;
    }

    /** Clips and noises {@code update} in place; returns its norm before clipping. */
    double apply(float[] update, Random noise) {
        double sumSq = 0;
        for (float v : update) {
            sumSq += (double) v * v;
        }
        double norm = Math.sqrt(sumSq);
        double scale = norm > clip ? clip / norm : 1.0;
        double sigma = noiseMultiplier * clip;
        for (int i = 0; i < update.length; i++) {
            update[i] = (float) (update[i] * scale + sigma * noise.nextGaussian());
        }
        return norm;
    }
}
