package io.tumorboard.federation.coordinator;

/**
 * FedAdam's server optimiser (Reddi et al., "Adaptive Federated Optimization", ICLR 2021, Algorithm 2):
 * m = b1*m + (1-b1)*d; v = b2*v + (1-b2)*d^2; x = x + eta*m/(sqrt(v)+tau), with d the weighted mean update.
 * No bias correction, as in the paper. Its state (m and v) costs two more model-sized float vectors and is
 * checkpointed with the model.
 */
final class AdamStep implements ServerStep {

    private final double eta;
    private final double beta1;
    private final double beta2;
    private final double tau;
    private final float[] m;
    private final float[] v;

    AdamStep(double eta, double beta1, double beta2, double tau, float[] m, float[] v) {
        this.eta = eta;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.tau = tau;
        this.m = m;
        this.v = v;
    }

    @Override
    public void apply(float[] global, double[] aggregate, int from, int n, float[] next) {
        for (int i = 0; i < n; i++) {
            int j = from + i;
            double d = aggregate[i];
            double mj = beta1 * m[j] + (1 - beta1) * d;
            double vj = beta2 * v[j] + (1 - beta2) * d * d;
            m[j] = (float) mj;
            v[j] = (float) vj;
            next[i] = (float) (global[j] + eta * mj / (Math.sqrt(vj) + tau));
        }
    }

    float[] firstMoment() {
        return m;
    }

    float[] secondMoment() {
        return v;
    }
}
