package io.tumorboard.federation.coordinator;

/** How the aggregate update moves the global model, one block of coordinates at a time. */
interface ServerStep {

    /** Writes the new values of {@code global[from, from+n)} into {@code next[0, n)}. */
    void apply(float[] global, double[] aggregate, int from, int n, float[] next);

    /** Adds the aggregate update as is (FedAvg, FedProx, median, trimmed mean: server step size 1). */
    static ServerStep plain() {
        return (global, aggregate, from, n, next) -> {
            for (int i = 0; i < n; i++) {
                next[i] = (float) (global[from + i] + aggregate[i]);
            }
        };
    }
}
