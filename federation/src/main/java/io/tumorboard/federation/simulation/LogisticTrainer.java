package io.tumorboard.federation.simulation;

import io.tumorboard.federation.site.EvaluationResult;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.site.RoundConfig;
import io.tumorboard.federation.site.TrainingResult;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.TensorShape;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A real learner for simulations and tests until the fusion network's adapter is in: logistic regression
 * trained by minibatch SGD on log loss, with FedProx's proximal term when mu > 0. Layout: "logistic/w"
 * [dimension], "logistic/b" [1]. Deterministic for a given seed.
 */
public final class LogisticTrainer implements LocalTrainer {

    private static final int BATCH = 16;

    private final LabelledExamples train;
    private final LabelledExamples test;
    private final ModelLayout layout;

    public LogisticTrainer(LabelledExamples train, LabelledExamples test) {
        this.train = train;
        this.test = test;
        this.layout = layout(train.dimension());
    }

    public static ModelLayout layout(int dimension) {
        return new ModelLayout(List.of(new TensorShape("logistic/w", new long[] {dimension}),
                new TensorShape("logistic/b", new long[] {1})));
    }

    @Override
    public ModelWeights initialModel() {
        return new ModelWeights(layout, new float[layout.size()]);
    }

    @Override
    public TrainingResult train(ModelWeights global, RoundConfig cfg) {
        int d = train.dimension();
        double[] w = new double[d + 1];
        float[] g0 = global.values();
        for (int j = 0; j <= d; j++) {
            w[j] = g0[j];
        }
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rnd = new Random(cfg.seed());
        double[] grad = new double[d + 1];
        for (int epoch = 0; epoch < cfg.localEpochs(); epoch++) {
            shuffle(order, rnd);
            for (int start = 0; start < n; start += BATCH) {
                int end = Math.min(n, start + BATCH);
                java.util.Arrays.fill(grad, 0);
                for (int k = start; k < end; k++) {
                    double[] x = train.features()[order[k]];
                    double err = sigmoid(score(w, x)) - train.labels()[order[k]];
                    for (int j = 0; j < d; j++) {
                        grad[j] += err * x[j];
                    }
                    grad[d] += err;
                }
                for (int j = 0; j <= d; j++) {
                    double g = grad[j] / (end - start) + cfg.proximalMu() * (w[j] - g0[j]);
                    w[j] -= cfg.learningRate() * g;
                }
            }
        }
        float[] out = new float[d + 1];
        for (int j = 0; j <= d; j++) {
            out[j] = (float) w[j];
        }
        ModelWeights trained = new ModelWeights(layout, out);
        return new TrainingResult(trained, n, Map.of("loss", logLoss(out, train)));
    }

    @Override
    public EvaluationResult evaluate(ModelWeights weights) {
        return new EvaluationResult(test.size(), Map.of("loss", logLoss(weights.values(), test),
                "accuracy", accuracy(weights.values(), test)));
    }

    /** Fraction of {@code data} classified correctly at threshold 0.5. */
    public static double accuracy(float[] weights, LabelledExamples data) {
        double[] w = widen(weights);
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            int predicted = score(w, data.features()[i]) >= 0 ? 1 : 0;
            right += predicted == data.labels()[i] ? 1 : 0;
        }
        return right / (double) data.size();
    }

    /** Mean log loss (nats per example). */
    public static double logLoss(float[] weights, LabelledExamples data) {
        double[] w = widen(weights);
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(score(w, data.features()[i]))));
            sum -= data.labels()[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / data.size();
    }

    private static double[] widen(float[] f) {
        double[] w = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            w[j] = f[j];
        }
        return w;
    }

    private static double score(double[] w, double[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
