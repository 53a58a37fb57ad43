package io.tumorboard.model.learning.bench;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.features.CaseFeatures;
import io.tumorboard.model.learning.features.FeaturePipeline;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Measures training throughput, single-case latency (network forward alone, and the full prediction with MC
 * dropout, OOD score and explanations) and achieved GFLOP/s against the machine's peak. Figures only: no
 * assertion is ever made on them (a shared CI machine is not a stopwatch).
 */
public final class FusionBenchmark {

    /**
     * The measured figures.
     *
     * @param trainingExamplesPerSecond training examples per second over the timed epochs
     * @param trainingGflops achieved GFLOP/s in training (forward + backward ≈ 3 × forward FLOPs)
     * @param forwardP50Ms single-case network forward, median, ms
     * @param forwardP99Ms single-case network forward, 99th percentile, ms
     * @param predictP50Ms single-case full prediction, median, ms
     * @param predictP99Ms single-case full prediction, 99th percentile, ms
     * @param parameters network parameters
     * @param peak the machine's peak and how it was computed
     */
    public record Figures(double trainingExamplesPerSecond, double trainingGflops, double forwardP50Ms,
                          double forwardP99Ms, double predictP50Ms, double predictP99Ms, long parameters,
                          MachinePeak peak) {
    }

    private final ModelSpec spec;
    private final TrainingConfig config;

    public FusionBenchmark(ModelSpec spec, TrainingConfig config) {
        this.spec = spec;
        this.config = config;
    }

    public Figures run(List<PatientCase> cases, int latencySamples, IntConsumer progress) {
        FeaturePipeline pipeline = FeaturePipeline.fit(cases);
        FusionModel model = FusionModel.create(spec, pipeline);
        model.train(cases, TrainingConfig.local(1)); // warm-up: JIT, native libraries, workspaces
        FusionModel.TrainingSummary summary = model.train(cases, config, progress);
        double trainingGflops = summary.examplesPerSecond() * 3 * 2.0 * model.multiplyAddsPerExample() / 1e9;
        List<CaseFeatures> encoded = cases.stream().map(pipeline::encode).toList();
        double[] forward = new double[latencySamples];
        double[] predict = new double[Math.max(latencySamples / 10, 10)];
        for (int i = 0; i < 200; i++) {
            model.hazards(List.of(encoded.get(i % encoded.size())));
        }
        for (int i = 0; i < forward.length; i++) {
            long start = System.nanoTime();
            model.hazards(List.of(encoded.get(i % encoded.size())));
            forward[i] = (System.nanoTime() - start) / 1e6;
        }
        for (int i = 0; i < 50; i++) { // the predictor's own code paths get compiled before they are timed
            model.predict(cases.get(i % cases.size()));
        }
        for (int i = 0; i < predict.length; i++) {
            long start = System.nanoTime();
            model.predict(cases.get(i % cases.size()));
            predict[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(forward);
        Arrays.sort(predict);
        return new Figures(summary.examplesPerSecond(), trainingGflops, percentile(forward, 0.5),
                percentile(forward, 0.99), percentile(predict, 0.5), percentile(predict, 0.99), model.parameterCount(),
                MachinePeak.ofThisMachine());
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
