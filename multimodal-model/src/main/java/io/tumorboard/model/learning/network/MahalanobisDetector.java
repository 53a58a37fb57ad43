package io.tumorboard.model.learning.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * Out-of-distribution score on the fused embedding: the Mahalanobis distance to the training embeddings
 * (Lee et al., NeurIPS 2018, with one class since the head is a survival head). The covariance is shrunk
 * towards its diagonal (Ledoit–Wolf style, fixed weight {@link #SHRINKAGE}) so a few hundred cases give an
 * invertible matrix. The abstention threshold is a quantile of validation cases' distances, set by
 * {@link #withThreshold}: a case farther than {@code 1 − quantile} of validation cases is not predicted for.
 *
 * @param mean mean training embedding
 * @param precision inverse of the shrunk covariance, row-major
 * @param threshold distance above which the model abstains; +∞ until set on validation data
 */
public record MahalanobisDetector(double[] mean, double[] precision, double threshold) {

    static final double SHRINKAGE = 0.1;

    @JsonCreator
    public MahalanobisDetector(@JsonProperty("mean") double[] mean, @JsonProperty("precision") double[] precision,
                               @JsonProperty("threshold") double threshold) {
        this.mean = mean.clone();
        this.precision = precision.clone();
        this.threshold = threshold;
    }

    public static MahalanobisDetector fit(List<double[]> embeddings) {
        int d = embeddings.get(0).length;
        int n = embeddings.size();
        double[] mean = new double[d];
        embeddings.forEach(e -> {
            for (int i = 0; i < d; i++) {
                mean[i] += e[i] / n;
            }
        });
        double[][] cov = new double[d][d];
        for (double[] e : embeddings) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (e[i] - mean[i]) * (e[j] - mean[j]) / Math.max(n - 1, 1);
                }
            }
        }
        double averageVariance = 0;
        for (int i = 0; i < d; i++) {
            averageVariance += cov[i][i] / d;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i][j] *= 1 - SHRINKAGE;
            }
            // Dead ReLU units have zero variance: the floor keeps the matrix invertible.
            cov[i][i] += SHRINKAGE * averageVariance + 1e-6;
        }
        return new MahalanobisDetector(mean, flatten(invert(cov)), Double.POSITIVE_INFINITY);
    }

    /** This detector with its threshold at the given quantile of the validation embeddings' distances. */
    public MahalanobisDetector withThreshold(List<double[]> validation, double quantile) {
        double[] distances = validation.stream().mapToDouble(this::distance).sorted().toArray();
        int index = (int) Math.min(distances.length - 1, Math.ceil(quantile * distances.length) - 1);
        return new MahalanobisDetector(mean, precision, distances[Math.max(index, 0)]);
    }

    public double distance(double[] embedding) {
        int d = mean.length;
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += precision[i * d + j] * (embedding[j] - mean[j]);
            }
            sum += (embedding[i] - mean[i]) * row;
        }
        return Math.sqrt(Math.max(sum, 0));
    }

    private static double[][] invert(double[][] matrix) {
        int d = matrix.length;
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, d);
            a[i][d + i] = 1;
        }
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double p = a[col][col];
            for (int c = 0; c < 2 * d; c++) {
                a[col][c] /= p;
            }
            for (int r = 0; r < d; r++) {
                if (r != col) {
                    double factor = a[r][col];
                    for (int c = 0; c < 2 * d; c++) {
                        a[r][c] -= factor * a[col][c];
                    }
                }
            }
        }
        double[][] inverse = new double[d][];
        for (int i = 0; i < d; i++) {
            inverse[i] = Arrays.copyOfRange(a[i], d, 2 * d);
        }
        return inverse;
    }

    private static double[] flatten(double[][] matrix) {
        return Arrays.stream(matrix).flatMapToDouble(Arrays::stream).toArray();
    }
}
