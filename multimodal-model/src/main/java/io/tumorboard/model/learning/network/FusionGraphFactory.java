package io.tumorboard.model.learning.network;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.features.StageTarget;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the fusion network. B = batch, I/P/C = imaging/pathology/clinical input widths, E = encoder width,
 * H = embedding width, K = survival intervals.
 *
 * <pre>
 * imaging [B,I] ─enc─▶ emb_img [B,H] ─┐
 * pathology [B,P] ─enc─▶ emb_path [B,H] ─┤ fusion ─▶ fused [B,H] ─▶ survival [B,K] sigmoid hazards
 * clinical [B,C] ─enc─▶ emb_clin [B,H] ─┘
 * emb_img  ─▶ stage_img_t, stage_img_n, stage_img_group    [B,4] softmax each (T1..T4, N0..N3, I..IV)
 * emb_path ─▶ stage_path_t, stage_path_n, stage_path_group [B,4] softmax each
 * presence [B,3H]: each modality's 0/1 flag repeated H times, so it can multiply an embedding elementwise
 * </pre>
 *
 * The stage heads read each modality's own embedding, not the fused one, so each is that modality's estimate
 * on its own. There is no clinical stage head: the clinical input contains the documented stage itself.
 */
public final class FusionGraphFactory {

    public static final String[] INPUTS = {"imaging", "pathology", "clinical", "presence"};
    public static final String FUSED = "fused";
    static final String[] MODALITY = {"img", "path", "clin"};
    /** The modalities with stage heads, in output order. */
    public static final Modality[] STAGED = {Modality.IMAGING, Modality.PATHOLOGY};
    /** Output 0 is the survival head; then each staged modality's heads in {@link StageTarget} order. */
    public static final String[] OUTPUTS = outputNames();

    private FusionGraphFactory() {
    }

    /** Index of a stage head among the network's outputs. */
    public static int stageOutput(Modality modality, StageTarget target) {
        int m = modality == Modality.IMAGING ? 0 : modality == Modality.PATHOLOGY ? 1 : -1;
        if (m < 0) {
            throw new IllegalArgumentException(modality + " has no stage head");
        }
        return 1 + m * StageTarget.values().length + target.ordinal();
    }

    private static String[] outputNames() {
        String[] names = new String[1 + STAGED.length * StageTarget.values().length];
        names[0] = "survival";
        for (Modality m : STAGED) {
            for (StageTarget t : StageTarget.values()) {
                names[stageOutput(m, t)] = "stage_" + MODALITY[m.ordinal()] + "_" + t.name().toLowerCase();
            }
        }
        return names;
    }

    public static ComputationGraph build(ModelSpec spec, int imagingWidth, int pathologyWidth, int clinicalWidth,
                                         double learningRate) {
        int e = spec.encoderWidth();
        int h = spec.embeddingWidth();
        int[] widths = {imagingWidth, pathologyWidth, clinicalWidth};
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .l2(1e-4)
                .graphBuilder()
                .addInputs(INPUTS);
        for (int m = 0; m < 3; m++) {
            String name = MODALITY[m];
            graph.addLayer("enc1_" + name, new DenseLayer.Builder().nIn(widths[m]).nOut(e) // [B,in] → [B,E]
                    .activation(Activation.RELU).dropOut(1 - spec.dropout()).build(), INPUTS[m]);
            graph.addLayer("emb_raw_" + name, new DenseLayer.Builder().nIn(e).nOut(h) // [B,E] → [B,H]
                    .activation(Activation.RELU).dropOut(1 - spec.dropout()).build(), "enc1_" + name);
            graph.addVertex("mask_" + name, new SubsetVertex(m * h, (m + 1) * h - 1), "presence"); // [B,H]
            // An absent modality's embedding is exactly zero, whatever its encoder's biases make of a zero input.
            graph.addVertex("emb_" + name, new ElementWiseVertex(ElementWiseVertex.Op.Product),
                    "emb_raw_" + name, "mask_" + name); // [B,H]
        }
        if (spec.fusion() == ModelSpec.Fusion.GATED) {
            graph.addVertex("gate_in", new MergeVertex(), "emb_img", "emb_path", "emb_clin", "presence"); // [B,6H]
            String[] gated = new String[3];
            for (int m = 0; m < 3; m++) {
                String name = MODALITY[m];
                graph.addLayer("gate_" + name, new DenseLayer.Builder().nIn(6L * h).nOut(h) // [B,6H] → [B,H]
                        .activation(Activation.SIGMOID).build(), "gate_in");
                graph.addVertex("gated_" + name, new ElementWiseVertex(ElementWiseVertex.Op.Product),
                        "emb_" + name, "gate_" + name); // [B,H]
                gated[m] = "gated_" + name;
            }
            graph.addVertex("fusion_sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), gated); // [B,H]
            graph.addLayer(FUSED, new DenseLayer.Builder().nIn(h).nOut(h) // [B,H] → [B,H]
                    .activation(Activation.RELU).build(), "fusion_sum");
        } else {
            graph.addVertex("concat", new MergeVertex(), "emb_img", "emb_path", "emb_clin"); // [B,3H]
            graph.addLayer(FUSED, new DenseLayer.Builder().nIn(3L * h).nOut(h) // [B,3H] → [B,H]
                    .activation(Activation.RELU).build(), "concat");
        }
        graph.addLayer("survival", new OutputLayer.Builder(new DiscreteTimeHazardLoss()) // [B,H] → [B,K]
                .nIn(h).nOut(spec.intervals().count()).activation(Activation.SIGMOID).build(), FUSED);
        for (Modality m : STAGED) {
            for (StageTarget t : StageTarget.values()) {
                graph.addLayer(OUTPUTS[stageOutput(m, t)], new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(h).nOut(StageTarget.CLASSES).activation(Activation.SOFTMAX).build(), // [B,H] → [B,4]
                        "emb_" + MODALITY[m.ordinal()]);
            }
        }
        ComputationGraphConfiguration configuration = graph.setOutputs(OUTPUTS).build();
        ComputationGraph network = new ComputationGraph(configuration);
        network.init();
        return network;
    }
}
