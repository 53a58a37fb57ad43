package io.tumorboard.federation.weights;

/**
 * A model's parameters as one flat float vector laid out by a {@link ModelLayout}. The federation core
 * works only on these vectors, so any learner (DL4J or other) plugs in by flattening its parameters.
 */
public record ModelWeights(ModelLayout layout, float[] values) {

    public ModelWeights {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException(
                    "weights hold " + values.length + " values but the layout needs " + layout.size());
        }
    }

    /** A copy that the caller may modify without touching this one. */
    public ModelWeights copy() {
        return new ModelWeights(layout, values.clone());
    }

    /** Size of the model in bytes as fp32 (4 bytes per value). */
    public long bytes() {
        return 4L * values.length;
    }
}
