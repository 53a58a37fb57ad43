package io.tumorboard.federation.simulation;

/**
 * A small table of feature vectors with binary labels (rows x features), the data a simulated site
 * holds. Only aggregate statistics of it ever leave the site.
 */
public record LabelledExamples(double[][] features, int[] labels) {

    public LabelledExamples {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int dimension() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /** The rows of both tables, this one's first. */
    public LabelledExamples concat(LabelledExamples other) {
        double[][] f = new double[size() + other.size()][];
        int[] y = new int[f.length];
        System.arraycopy(features, 0, f, 0, size());
        System.arraycopy(other.features, 0, f, size(), other.size());
        System.arraycopy(labels, 0, y, 0, size());
        System.arraycopy(other.labels, 0, y, size(), other.size());
        return new LabelledExamples(f, y);
    }
}
