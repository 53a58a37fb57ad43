package io.tumorboard.federation.weights;

import java.util.Arrays;

/** One named parameter tensor of a model: its name and its dimensions, outermost first. */
public record TensorShape(String name, long[] dims) {

    public TensorShape {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tensor name is blank");
        }
        dims = dims.clone();
        for (long d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor " + name + " has a non-positive dimension " + d);
            }
        }
    }

    /** Number of values in the tensor (the product of its dimensions). */
    public long size() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape t && t.name.equals(name) && Arrays.equals(t.dims, dims);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims);
    }
}
