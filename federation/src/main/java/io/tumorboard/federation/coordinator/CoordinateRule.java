package io.tumorboard.federation.coordinator;

import java.util.Arrays;

/**
 * How one block of coordinates of k updates becomes one block of the aggregate update. Sites are always
 * given in the same (sorted) order, so the floating-point result is the same on every run.
 */
interface CoordinateRule {

    /**
     * @param updates  k rows, the same block of each site's update
     * @param examples each site's example count
     * @param n        number of coordinates in this block
     * @param out      the aggregate update for the block
     */
    void combine(float[][] updates, long[] examples, int n, double[] out);

    /** Mean weighted by example count: FedAvg (McMahan et al. 2017, Algorithm 1). */
    static CoordinateRule weightedMean() {
        return (updates, examples, n, out) -> {
            double total = 0;
            for (long e : examples) {
                total += e;
            }
            Arrays.fill(out, 0, n, 0.0);
            for (int s = 0; s < updates.length; s++) {
                double w = examples[s] / total;
                float[] u = updates[s];
                for (int i = 0; i < n; i++) {
                    out[i] += w * u[i];
                }
            }
        };
    }

    /**
     * Coordinate-wise median, unweighted (Yin et al., ICML 2018, "Byzantine-robust distributed learning"):
     * tolerates up to half minus one of the sites sending arbitrary values.
     */
    static CoordinateRule median() {
        return (updates, examples, n, out) -> {
            float[] column = new float[updates.length];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < updates.length; s++) {
                    column[s] = updates[s][i];
                }
                Arrays.sort(column);
                int k = column.length;
                out[i] = (k % 2 == 1) ? column[k / 2] : ((double) column[k / 2 - 1] + column[k / 2]) / 2.0;
            }
        };
    }

    /**
     * Coordinate-wise beta-trimmed mean, unweighted (Yin et al., ICML 2018): drops floor(beta*k) values at
     * each end of every coordinate and averages the rest.
     */
    static CoordinateRule trimmedMean(double beta) {
        return (updates, examples, n, out) -> {
            int k = updates.length;
            int drop = (int) Math.floor(beta * k);
            if (k - 2 * drop < 1) {
                drop = (k - 1) / 2;
            }
            float[] column = new float[k];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < k; s++) {
                    column[s] = updates[s][i];
                }
                Arrays.sort(column);
                double sum = 0;
                for (int j = drop; j < k - drop; j++) {
                    sum += column[j];
                }
                out[i] = sum / (k - 2 * drop);
            }
        };
    }
}
