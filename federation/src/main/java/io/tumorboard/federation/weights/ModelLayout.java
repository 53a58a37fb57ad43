package io.tumorboard.federation.weights;

import java.util.List;

/**
 * The ordered list of tensors a model's flat parameter vector is made of. Two parties agree on a model
 * when their layouts are equal; every update is checked against the global model's layout.
 */
public record ModelLayout(List<TensorShape> tensors) {

    public ModelLayout {
        tensors = List.copyOf(tensors);
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("a model layout needs at least one tensor");
        }
        if (totalSize(tensors) > Integer.MAX_VALUE - 8) {
            // One Java float[] holds the whole model; 2^31 values is 8 GiB of fp32, beyond what a site trains.
            throw new IllegalArgumentException("model of " + totalSize(tensors) + " values exceeds one float array");
        }
    }

    /** A single flat tensor of {@code size} values, for models that are one vector. */
    public static ModelLayout flat(String name, int size) {
        return new ModelLayout(List.of(new TensorShape(name, new long[] {size})));
    }

    /** Number of values over all tensors. */
    public int size() {
        return (int) totalSize(tensors);
    }

    /** Index of the first value of tensor {@code t} in the flat vector. */
    public int offset(int t) {
        long off = 0;
        for (int i = 0; i < t; i++) {
            off += tensors.get(i).size();
        }
        return (int) off;
    }

    private static long totalSize(List<TensorShape> tensors) {
        long n = 0;
        for (TensorShape t : tensors) {
            n += t.size();
        }
        return n;
    }
}
