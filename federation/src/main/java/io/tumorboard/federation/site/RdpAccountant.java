package io.tumorboard.federation.site;

/**
 * Rényi-DP accountant for the Sampled Gaussian Mechanism (Mironov, Talwar, Zhang, "Rényi Differential
 * Privacy of the Sampled Gaussian Mechanism", 2019, Section 3.3, integer orders):
 * A_alpha = sum_{k=0..alpha} C(alpha,k) (1-q)^(alpha-k) q^k exp((k^2-k)/(2 sigma^2)),
 * RDP(alpha) = log(A_alpha)/(alpha-1) per step, composed additively over steps, converted to
 * (epsilon, delta)-DP by epsilon = min_alpha RDP_total(alpha) + log(1/delta)/(alpha-1) (Mironov 2017,
 * Proposition 3). With q = 1 this is the plain Gaussian mechanism, alpha/(2 sigma^2).
 */
public final class RdpAccountant {

    private static final int MAX_ORDER = 256;

    private final double noiseMultiplier;
    private final double samplingRate;
    private final double[] rdpPerStep = new double[MAX_ORDER + 1];
    private int steps;

    /**
     * @param noiseMultiplier noise standard deviation divided by the L2 sensitivity (the clipping bound)
     * @param samplingRate    probability that a step includes this site's data (sites per round / sites)
     */
    public RdpAccountant(double noiseMultiplier, double samplingRate) {
        if (noiseMultiplier <= 0 || samplingRate <= 0 || samplingRate > 1) {
            throw new IllegalArgumentException("noise multiplier must be > 0 and sampling rate in (0, 1]");
        }
        this.noiseMultiplier = noiseMultiplier;
        this.samplingRate = samplingRate;
        for (int a = 2; a <= MAX_ORDER; a++) {
            rdpPerStep[a] = rdp(a);
        }
    }

    /** Records one more release of a noised update. */
    public synchronized void step() {
        steps++;
    }

    public synchronized int steps() {
        return steps;
    }

    /** Epsilon spent so far at {@code delta}. */
    public synchronized double epsilon(double delta) {
        if (steps == 0) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int a = 2; a <= MAX_ORDER; a++) {
            best = Math.min(best, steps * rdpPerStep[a] + Math.log(1 / delta) / (a - 1));
        }
        return best;
    }

    private double rdp(int alpha) {
        double q = samplingRate;
        double s2 = noiseMultiplier * noiseMultiplier;
        if (q == 1.0) {
            return alpha / (2 * s2);
        }
        // log-sum-exp over k keeps the binomial terms from overflowing at large orders.
        double[] terms = new double[alpha + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= alpha; k++) {
            terms[k] = logBinomial(alpha, k) + (alpha - k) * Math.log1p(-q) + k * Math.log(q) + (k * (double) k - k) / (2 * s2);
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return (max + Math.log(sum)) / (alpha - 1);
    }

    private static double logBinomial(int n, int k) {
        double r = 0;
        for (int i = 1; i <= k; i++) {
            r += Math.log(n - k + i) - Math.log(i);
        }
        return r;
    }
}
