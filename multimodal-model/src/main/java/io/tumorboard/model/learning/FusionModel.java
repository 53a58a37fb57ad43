package io.tumorboard.model.learning;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.learning.features.CaseFeatures;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.features.StageTarget;
import io.tumorboard.model.learning.network.BatchAssembler;
import io.tumorboard.model.learning.network.DiscreteTimeHazardLoss;
import io.tumorboard.model.learning.network.FedProxTerm;
import io.tumorboard.model.learning.network.FusionGraphFactory;
import io.tumorboard.model.learning.network.FusionInference;
import io.tumorboard.model.learning.network.MahalanobisDetector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multimodal survival network with its fitted features: what a site trains locally, what the federation
 * averages, and what the board asks for a prediction.
 *
 * <p>{@link #parameters()} and {@link #setParameters(double[])} give the flat parameter vector in DL4J's fixed
 * layer order; two models built from equal {@link ModelSpec}s and equal pipelines share its length and layout.
 * Not thread-safe: one model per thread, or external locking.
 */
public final class FusionModel {

    private static final Logger LOG = LoggerFactory.getLogger(FusionModel.class);
    /** Validation quantile of the OOD distance above which the model abstains: 1 in 100 in-distribution cases. */
    static final double ABSTENTION_QUANTILE = 0.99;
    static final double DEFAULT_LEARNING_RATE = 1e-3;

    private final ModelSpec spec;
    private final FeaturePipeline pipeline;
    private final ComputationGraph graph;
    private final BatchAssembler batches;
    private MahalanobisDetector ood;
    /** The inference pass over the current weights; null after the weights changed, rebuilt on first use. */
    private FusionInference inference;

    FusionModel(ModelSpec spec, FeaturePipeline pipeline, ComputationGraph graph, MahalanobisDetector ood) {
        this.spec = spec;
        this.pipeline = pipeline;
        this.graph = graph;
        this.batches = new BatchAssembler(spec);
        this.ood = ood;
    }

    /** A freshly initialised network for the pipeline's input widths. */
    public static FusionModel create(ModelSpec spec, FeaturePipeline pipeline) {
        ComputationGraph graph = FusionGraphFactory.build(spec, pipeline.width(Modality.IMAGING),
                pipeline.width(Modality.PATHOLOGY), pipeline.width(Modality.CLINICAL), DEFAULT_LEARNING_RATE);
        return new FusionModel(spec, pipeline, graph, null);
    }

    public ModelSpec spec() {
        return spec;
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    ComputationGraph graph() {
        return graph;
    }

    MahalanobisDetector ood() {
        return ood;
    }

    /** A copy of the flat parameter vector. */
    public double[] parameters() {
        return graph.params().dup().toDoubleVector();
    }

    public long parameterCount() {
        return graph.numParams();
    }

    /** Multiply-adds of one example's forward pass through every dense layer (the network is all dense). */
    public long multiplyAddsPerExample() {
        long total = 0;
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer dense) {
                total += dense.getNIn() * dense.getNOut();
            }
        }
        return total;
    }

    public void setParameters(double[] parameters) {
        checkLength(parameters.length);
        graph.setParams(Nd4j.createFromArray(parameters).castTo(graph.params().dataType()));
        inference = null;
    }

    public void setParameters(float[] parameters) {
        checkLength(parameters.length);
        graph.setParams(Nd4j.createFromArray(parameters).castTo(graph.params().dataType()));
        inference = null;
    }

    private void checkLength(int length) {
        if (length != graph.numParams()) {
            throw new IllegalArgumentException("parameter vector has " + length + " values, this network has "
                    + graph.numParams() + ": built from another spec or feature pipeline");
        }
    }

    /**
     * Trains locally for up to {@code config.epochs()} epochs, with the FedProx term when μ &gt; 0, and early
     * stopping on the validation cases when there are any (the best epoch's parameters are kept). Then fits the
     * OOD detector on the training embeddings and sets its threshold on the validation ones.
     */
    public TrainingSummary train(List<PatientCase> cases, TrainingConfig config) {
        return train(cases, config, epoch -> { });
    }

    /** As {@link #train(List, TrainingConfig)}, telling {@code onEpoch} each finished epoch (1-based). */
    public TrainingSummary train(List<PatientCase> cases, TrainingConfig config, java.util.function.IntConsumer onEpoch) {
        Encoded training = Encoded.of(pipeline, cases, spec);
        if (training.features.isEmpty()) {
            throw new IllegalArgumentException("none of the " + cases.size() + " training cases has a modality "
                    + "this model uses");
        }
        Encoded validation = Encoded.of(pipeline, config.validation(), spec);
        graph.setLearningRate(config.learningRate());
        if (config.proximalMu() > 0) {
            checkLength(config.globalParameters().length);
            graph.setListeners(new FedProxTerm(config.proximalMu(),
                    Nd4j.createFromArray(config.globalParameters()).castTo(graph.params().dataType())));
        } else {
            graph.setListeners();
        }
        Random random = new Random(config.seed());
        // DL4J reads a [1,1] label mask as per-output masking, which softmax cross-entropy refuses: no training
        // batch is left with one case. Validation is scored outside DL4J (survivalLoss), so one case can early-stop.
        boolean earlyStopping = !validation.features.isEmpty();
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray best = null;
        int sinceBest = 0;
        int epochs = 0;
        long start = System.nanoTime();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            epochs++;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < training.features.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            for (int from = 0; from < order.size(); ) {
                int to = Math.min(order.size(), from + config.batchSize());
                if (order.size() - to == 1) {
                    to = order.size();
                }
                if (to - from > 1) {
                    graph.fit(training.subset(order.subList(from, to)).batch(batches, random));
                }
                from = to;
            }
            onEpoch.accept(epochs);
            if (earlyStopping) {
                double loss = survivalLoss(validation);
                if (loss < bestLoss - 1e-6) {
                    bestLoss = loss;
                    best = graph.params().dup();
                    sinceBest = 0;
                } else if (++sinceBest >= config.patience()) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (best != null) {
            graph.setParams(best);
        }
        inference = null;
        graph.setListeners();
        MahalanobisDetector detector = MahalanobisDetector.fit(embeddings(training.features));
        ood = detector.withThreshold(embeddings(validation.features.isEmpty() ? training.features
                : validation.features), ABSTENTION_QUANTILE);
        LOG.info("trained {} epochs on {} cases ({} skipped without any used modality), {}", epochs,
                training.features.size(), cases.size() - training.features.size(), !earlyStopping
                        ? "no validation cases (no early stopping)" : "best validation loss " + bestLoss);
        return new TrainingSummary(epochs, training.features.size(), bestLoss,
                epochs * training.features.size() / Math.max(seconds, 1e-9));
    }

    /**
     * Mean survival loss of the validation cases under the current weights. Early stopping watches this alone:
     * the evaluated output is the survival head, and the stage heads' cross-entropy (trained alongside as an
     * auxiliary task, and absent from single-modality clinical models) must not choose its epoch, nor the L2
     * penalty that DL4J's score adds.
     */
    private double survivalLoss(Encoded validation) {
        inference = null; // the weights moved during the epoch
        float[][] hazards = outputs(validation.features, null)[0];
        double sum = 0;
        for (int i = 0; i < hazards.length; i++) {
            sum += DiscreteTimeHazardLoss.negativeLogLikelihood(hazards[i], validation.survival.get(i));
        }
        return sum / hazards.length;
    }

    /** Predicts for one case: never throws on bad clinical input, refuses with reasons instead. */
    public Prediction predict(PatientCase patientCase) {
        return new CasePredictor(this).predict(patientCase);
    }

    /** Hazards [B,K] for encoded cases, dropout off. */
    public INDArray hazards(List<CaseFeatures> cases) {
        return Nd4j.create(outputs(cases, null)[0]);
    }

    /** Fused embeddings [B,H] of encoded cases, dropout off. */
    public List<double[]> embeddings(List<CaseFeatures> cases) {
        List<double[]> rows = new ArrayList<>();
        if (cases.isEmpty()) {
            return rows;
        }
        for (float[] fused : inference().activations(FusionGraphFactory.FUSED, batches.inputRows(cases))) {
            double[] row = new double[fused.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = fused[j];
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The learned stage contradictions of held-out cases, one list per case, from one batched pass: what
     * {@link #predict} raises, without the rest of a prediction. {@code encoded} is {@code cases} encoded by
     * this model's pipeline; a case without a modality the model uses gets no flags.
     */
    public List<List<CaseFlag>> learnedStageFlags(List<PatientCase> cases, List<CaseFeatures> encoded) {
        List<List<CaseFlag>> flags = new ArrayList<>();
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            flags.add(List.of());
            if (spec.modalities().stream().anyMatch(encoded.get(i)::has)) {
                usable.add(i);
            }
        }
        if (usable.isEmpty()) {
            return flags;
        }
        float[][][] out = outputs(usable.stream().map(encoded::get).toList(), null);
        LearnedStageFlag rule = new LearnedStageFlag();
        for (int row = 0; row < usable.size(); row++) {
            int i = usable.get(row);
            flags.set(i, rule.flags(cases.get(i), stageEstimates(out, row, encoded.get(i))));
        }
        return flags;
    }

    /** Row {@code row} of the stage heads' outputs, for the staged modalities the case has and the model uses. */
    Map<Modality, Map<StageDescriptor, double[]>> stageEstimates(float[][][] outputs, int row, CaseFeatures features) {
        Map<Modality, Map<StageDescriptor, double[]>> estimates = new EnumMap<>(Modality.class);
        for (Modality m : FusionGraphFactory.STAGED) {
            if (features.has(m) && spec.modalities().contains(m)) {
                Map<StageDescriptor, double[]> heads = new EnumMap<>(StageDescriptor.class);
                for (StageTarget target : StageTarget.values()) {
                    float[] p = outputs[FusionGraphFactory.stageOutput(m, target)][row];
                    double[] probabilities = new double[p.length];
                    for (int k = 0; k < p.length; k++) {
                        probabilities[k] = p[k];
                    }
                    heads.put(target.descriptor(), probabilities);
                }
                estimates.put(m, heads);
            }
        }
        return estimates;
    }

    /**
     * The network's outputs [output][B][units] (survival hazards first, then the stage heads), through the
     * plain-Java inference pass over the current weights.
     *
     * @param dropout the random source of MC dropout, or null for dropout off
     */
    float[][][] outputs(List<CaseFeatures> cases, Random dropout) {
        return inference().outputs(batches.inputRows(cases), dropout);
    }

    private FusionInference inference() {
        if (inference == null) {
            inference = FusionInference.of(graph);
        }
        return inference;
    }

    /**
     * What one training call did.
     *
     * @param epochs epochs run (fewer than asked when early stopping ended training)
     * @param examples training cases used
     * @param bestValidationLoss the best mean validation survival loss seen, +∞ without validation cases
     * @param examplesPerSecond training throughput
     */
    public record TrainingSummary(int epochs, int examples, double bestValidationLoss, double examplesPerSecond) {
    }

    /** Cases encoded once, with their survival and stage labels. */
    private record Encoded(List<CaseFeatures> features, List<float[]> survival, List<int[]> stageLabels) {

        static Encoded of(FeaturePipeline pipeline, List<PatientCase> cases, ModelSpec spec) {
            List<CaseFeatures> features = new ArrayList<>();
            List<float[]> survival = new ArrayList<>();
            List<int[]> stageLabels = new ArrayList<>();
            for (PatientCase c : cases) {
                CaseFeatures f = pipeline.encode(c);
                boolean usable = spec.modalities().stream().anyMatch(f::has);
                if (usable) {
                    features.add(f);
                    survival.add(spec.intervals().labels(c.outcome()));
                    int[] labels = new int[StageTarget.values().length];
                    for (StageTarget target : StageTarget.values()) {
                        labels[target.ordinal()] = target.label(c).orElse(-1);
                    }
                    stageLabels.add(labels);
                }
            }
            return new Encoded(features, survival, stageLabels);
        }

        Encoded subset(List<Integer> rows) {
            return new Encoded(rows.stream().map(features::get).toList(), rows.stream().map(survival::get).toList(),
                    rows.stream().map(stageLabels::get).toList());
        }

        MultiDataSet batch(BatchAssembler assembler, Random random) {
            return assembler.trainingBatch(features, survival, stageLabels, random);
        }
    }
}
