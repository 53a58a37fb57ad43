package io.tumorboard.model.learning.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/**
 * The fusion graph's forward pass in plain Java, over weights copied once out of the trained DL4J graph.
 *
 * <p>Why: the network has ≈ 9,000 parameters, so one case costs ≈ 9,000 multiply-adds, while DL4J runs each of
 * its ≈ 40 vertices as separate ND4J ops. A JFR profile of the single-case forward (2026-12-04) showed ≈ 390 KB
 * of Java garbage per call (op contexts, shape-info buffers, one {@code DeallocatableReference} per native
 * buffer in a map the young collections must rescan) and young-GC pauses of 60–250 ms, which made the p99;
 * workspaces did not change the garbage (it comes from the op machinery, not the arrays). Training stays on
 * DL4J; inference reads the same weights, and a test holds both passes equal.
 *
 * <p>It interprets the graph's own configuration in topological order (dense and output layers with ReLU,
 * sigmoid, softmax or identity, subset, elementwise product and sum, merge), so a change to
 * {@link FusionGraphFactory} is followed or refused, never silently mis-computed. Dropout, when asked for (MC
 * dropout), is DL4J's: each input of a layer with dropout kept with probability p and scaled by 1/p.
 */
public final class FusionInference {

    private enum Kind { INPUT, DENSE, SUBSET, PRODUCT, SUM, MERGE }

    /** One vertex: its kind, the slots it reads, and for a dense layer its weights W [in][out] and bias. */
    private record Step(Kind kind, int[] inputs, float[][] weights, float[] bias, IActivation activation,
                        double retain, int from, int to) {
    }

    private final List<Step> steps;
    private final Map<String, Integer> slots;
    private final int[] outputs;

    private FusionInference(List<Step> steps, Map<String, Integer> slots, int[] outputs) {
        this.steps = steps;
        this.slots = slots;
        this.outputs = outputs;
    }

    /** Copies the graph's current weights; a later change to them is not seen (build a new one). */
    public static FusionInference of(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        Map<String, Integer> slots = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (int index : graph.topologicalSortOrder()) {
            String name = graph.getVertices()[index].getVertexName();
            int[] in = conf.getVertexInputs().getOrDefault(name, List.of()).stream().mapToInt(slots::get).toArray();
            steps.add(conf.getNetworkInputs().contains(name)
                    ? new Step(Kind.INPUT, new int[] {conf.getNetworkInputs().indexOf(name)}, null, null, null, 1, 0, 0)
                    : step(graph, name, conf.getVertices().get(name), in));
            slots.put(name, steps.size() - 1);
        }
        int[] outputs = conf.getNetworkOutputs().stream().mapToInt(slots::get).toArray();
        return new FusionInference(steps, slots, outputs);
    }

    private static Step step(ComputationGraph graph, String name, GraphVertex vertex, int[] in) {
        if (vertex instanceof LayerVertex layerVertex
                && layerVertex.getLayerConf().getLayer() instanceof FeedForwardLayer dense) {
            float[][] w = graph.getLayer(name).getParam("W").toFloatMatrix();
            float[] b = graph.getLayer(name).getParam("b").toFloatVector();
            return new Step(Kind.DENSE, in, w, b, supported(name, dense.getActivationFn()),
                    retain(name, dense.getIDropout()), 0, 0);
        }
        if (vertex instanceof SubsetVertex subset) {
            return new Step(Kind.SUBSET, in, null, null, null, 1, subset.getFrom(), subset.getTo());
        }
        if (vertex instanceof ElementWiseVertex elementWise && elementWise.getOp() == ElementWiseVertex.Op.Product) {
            return new Step(Kind.PRODUCT, in, null, null, null, 1, 0, 0);
        }
        if (vertex instanceof ElementWiseVertex elementWise && elementWise.getOp() == ElementWiseVertex.Op.Add) {
            return new Step(Kind.SUM, in, null, null, null, 1, 0, 0);
        }
        if (vertex instanceof MergeVertex) {
            return new Step(Kind.MERGE, in, null, null, null, 1, 0, 0);
        }
        throw new IllegalArgumentException("vertex " + name + " (" + vertex.getClass().getSimpleName()
                + ") has no plain-Java inference; extend FusionInference with it");
    }

    private static IActivation supported(String name, IActivation activation) {
        if (activation instanceof ActivationReLU || activation instanceof ActivationSigmoid
                || activation instanceof ActivationSoftmax || activation instanceof ActivationIdentity) {
            return activation;
        }
        throw new IllegalArgumentException("layer " + name + ": activation " + activation + " has no plain-Java "
                + "inference");
    }

    private static double retain(String name, IDropout dropout) {
        if (dropout == null) {
            return 1;
        }
        if (dropout instanceof Dropout plain && plain.getPSchedule() == null) {
            return plain.getP();
        }
        throw new IllegalArgumentException("layer " + name + ": dropout " + dropout + " has no plain-Java inference");
    }

    /**
     * The network's outputs for a batch, in the graph's output order: {@code [output][row][unit]}.
     *
     * @param inputs per network input, per row, its vector
     * @param dropout the random source of MC dropout, or null for dropout off
     */
    public float[][][] outputs(float[][][] inputs, Random dropout) {
        float[][][] result = new float[outputs.length][inputs[0].length][];
        for (int row = 0; row < inputs[0].length; row++) {
            float[][] values = forward(inputs, row, dropout);
            for (int o = 0; o < outputs.length; o++) {
                result[o][row] = values[outputs[o]];
            }
        }
        return result;
    }

    /** The activations of one vertex (e.g. {@link FusionGraphFactory#FUSED}) for a batch, dropout off. */
    public float[][] activations(String vertex, float[][][] inputs) {
        int slot = slots.get(vertex);
        float[][] result = new float[inputs[0].length][];
        for (int row = 0; row < result.length; row++) {
            result[row] = forward(inputs, row, null)[slot];
        }
        return result;
    }

    private float[][] forward(float[][][] inputs, int row, Random dropout) {
        float[][] values = new float[steps.size()][];
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            int[] in = step.inputs();
            values[s] = switch (step.kind()) {
                case INPUT -> inputs[in[0]][row];
                case DENSE -> dense(step, values[in[0]], dropout);
                case SUBSET -> java.util.Arrays.copyOfRange(values[in[0]], step.from(), step.to() + 1);
                case PRODUCT -> elementwise(values, in, true);
                case SUM -> elementwise(values, in, false);
                case MERGE -> merge(values, in);
            };
        }
        return values;
    }

    private static float[] dense(Step step, float[] x, Random dropout) {
        float[][] w = step.weights();
        float[] out = step.bias().clone();
        boolean drop = dropout != null && step.retain() < 1;
        float scale = (float) (1 / step.retain());
        for (int i = 0; i < x.length; i++) {
            float xi = x[i];
            if (drop && xi != 0f) { // a zero input stays zero whether dropped or not: no draw needed
                xi = dropout.nextDouble() < step.retain() ? xi * scale : 0f;
            }
            if (xi != 0f) { // TF-IDF inputs are mostly zeros
                float[] wi = w[i];
                for (int j = 0; j < out.length; j++) {
                    out[j] += xi * wi[j];
                }
            }
        }
        activate(step.activation(), out);
        return out;
    }

    private static void activate(IActivation activation, float[] z) {
        if (activation instanceof ActivationReLU) {
            for (int j = 0; j < z.length; j++) {
                z[j] = Math.max(z[j], 0f);
            }
        } else if (activation instanceof ActivationSigmoid) {
            for (int j = 0; j < z.length; j++) {
                z[j] = (float) (1 / (1 + Math.exp(-z[j])));
            }
        } else if (activation instanceof ActivationSoftmax) {
            float max = Float.NEGATIVE_INFINITY;
            for (float v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < z.length; j++) {
                z[j] = (float) Math.exp(z[j] - max);
                sum += z[j];
            }
            for (int j = 0; j < z.length; j++) {
                z[j] = (float) (z[j] / sum);
            }
        }
    }

    private static float[] elementwise(float[][] values, int[] in, boolean product) {
        float[] out = values[in[0]].clone();
        for (int k = 1; k < in.length; k++) {
            float[] v = values[in[k]];
            for (int j = 0; j < out.length; j++) {
                out[j] = product ? out[j] * v[j] : out[j] + v[j];
            }
        }
        return out;
    }

    private static float[] merge(float[][] values, int[] in) {
        int width = 0;
        for (int k : in) {
            width += values[k].length;
        }
        float[] out = new float[width];
        int at = 0;
        for (int k : in) {
            System.arraycopy(values[k], 0, out, at, values[k].length);
            at += values[k].length;
        }
        return out;
    }
}
