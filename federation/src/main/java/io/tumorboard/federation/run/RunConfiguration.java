package io.tumorboard.federation.run;

import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One federated training run, as configured by whoever starts it and as approved by each site (by its
 * {@link #digest()}).
 *
 * @param roundTimeout how long a round waits for its quorum before closing with what it has
 * @param learningRate local optimiser step size (dimensionless)
 * @param proximalMu FedProx proximal weight (0 unless {@link Strategy#FED_PROX})
 * @param maxUpdateNorm largest L2 norm of an update the coordinator accepts (weight units)
 * @param trimFraction fraction dropped at each end per coordinate by {@link Strategy#TRIMMED_MEAN}
 * @param dpClipNorm L2 clipping bound of a site's update, 0 turns differential privacy off
 * @param dpNoiseMultiplier Gaussian noise standard deviation divided by {@code dpClipNorm}
 * @param dpDelta the delta at which spent epsilon is reported
 */
public record RunConfiguration(String runId, int rounds, int sitesPerRound, int minSites, Duration roundTimeout,
                               int localEpochs, double learningRate, Strategy strategy, double proximalMu,
                               UpdateEncoding updateEncoding, double maxUpdateNorm, long seed, double trimFraction,
                               double serverLearningRate, double adamBeta1, double adamBeta2, double adamTau,
                               double dpClipNorm, double dpNoiseMultiplier, double dpDelta) {

    public RunConfiguration {
        require(runId != null && runId.matches("[A-Za-z0-9._-]{1,64}"), "run id must be 1-64 of [A-Za-z0-9._-]");
        require(rounds >= 1, "rounds must be >= 1");
        require(sitesPerRound >= 1, "sites per round must be >= 1");
        require(minSites >= 1 && minSites <= sitesPerRound, "min sites must be in [1, sites per round]");
        require(!roundTimeout.isNegative() && !roundTimeout.isZero(), "round timeout must be positive");
        require(localEpochs >= 1, "local epochs must be >= 1");
        require(learningRate > 0, "learning rate must be positive");
        require(proximalMu >= 0, "proximal mu must be >= 0");
        require(maxUpdateNorm > 0, "max update norm must be positive");
        require(trimFraction >= 0 && trimFraction < 0.5, "trim fraction must be in [0, 0.5)");
        require(dpClipNorm >= 0 && dpNoiseMultiplier >= 0, "DP clip norm and noise multiplier must be >= 0");
        require(dpClipNorm == 0 || (dpDelta > 0 && dpDelta < 1), "DP delta must be in (0, 1) when DP is on");
        require(dpClipNorm == 0 || dpNoiseMultiplier > 0, "DP noise multiplier must be > 0 when DP is on");
    }

    /** A configuration with the usual defaults for the rest (FedAvg, fp32 updates, no DP). */
    public static RunConfiguration of(String runId, int rounds, int sitesPerRound, int minSites) {
        return new RunConfiguration(runId, rounds, sitesPerRound, minSites, Duration.ofSeconds(30), 1, 0.1,
                Strategy.FED_AVG, 0, UpdateEncoding.FP32, 1e3, 42L, 0.2, 0.1, 0.9, 0.99, 1e-3, 0, 0, 1e-5);
    }

    public RunConfiguration withStrategy(Strategy s, double mu) {
        return new RunConfiguration(runId, rounds, sitesPerRound, minSites, roundTimeout, localEpochs, learningRate,
                s, mu, updateEncoding, maxUpdateNorm, seed, trimFraction, serverLearningRate, adamBeta1, adamBeta2,
                adamTau, dpClipNorm, dpNoiseMultiplier, dpDelta);
    }

    public RunConfiguration withTraining(int epochs, double lr, Duration timeout, long newSeed) {
        return new RunConfiguration(runId, rounds, sitesPerRound, minSites, timeout, epochs, lr, strategy, proximalMu,
                updateEncoding, maxUpdateNorm, newSeed, trimFraction, serverLearningRate, adamBeta1, adamBeta2,
                adamTau, dpClipNorm, dpNoiseMultiplier, dpDelta);
    }

    public RunConfiguration withEncoding(UpdateEncoding e, double maxNorm) {
        return new RunConfiguration(runId, rounds, sitesPerRound, minSites, roundTimeout, localEpochs, learningRate,
                strategy, proximalMu, e, maxNorm, seed, trimFraction, serverLearningRate, adamBeta1, adamBeta2,
                adamTau, dpClipNorm, dpNoiseMultiplier, dpDelta);
    }

    public RunConfiguration withPrivacy(double clip, double noiseMultiplier, double delta) {
        return new RunConfiguration(runId, rounds, sitesPerRound, minSites, roundTimeout, localEpochs, learningRate,
                strategy, proximalMu, updateEncoding, maxUpdateNorm, seed, trimFraction, serverLearningRate, adamBeta1,
                adamBeta2, adamTau, clip, noiseMultiplier, delta);
    }

    public RunConfiguration withServerOptimizer(double serverLr, double trim) {
        return new RunConfiguration(runId, rounds, sitesPerRound, minSites, roundTimeout, localEpochs, learningRate,
                strategy, proximalMu, updateEncoding, maxUpdateNorm, seed, trim, serverLr, adamBeta1, adamBeta2,
                adamTau, dpClipNorm, dpNoiseMultiplier, dpDelta);
    }

    public boolean privacyOn() {
        return dpClipNorm > 0;
    }

    /**
     * SHA-256 (hex) of the canonical text of every field, in declaration order. What a site's allow-list
     * holds: any change to any field is a different run the site has not approved.
     */
    public String digest() {
        String canonical = String.join("\n", "runId=" + runId, "rounds=" + rounds, "sitesPerRound=" + sitesPerRound,
                "minSites=" + minSites, "roundTimeoutMs=" + roundTimeout.toMillis(), "localEpochs=" + localEpochs,
                "learningRate=" + learningRate, "strategy=" + strategy, "proximalMu=" + proximalMu,
                "updateEncoding=" + updateEncoding, "maxUpdateNorm=" + maxUpdateNorm, "seed=" + seed,
                "trimFraction=" + trimFraction, "serverLearningRate=" + serverLearningRate,
                "adamBeta1=" + adamBeta1, "adamBeta2=" + adamBeta2, "adamTau=" + adamTau,
                "dpClipNorm=" + dpClipNorm, "dpNoiseMultiplier=" + dpNoiseMultiplier, "dpDelta=" + dpDelta);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always ships SHA-256", e);
        }
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new IllegalArgumentException("invalid run configuration: " + reason);
        }
    }
}
