package io.tumorboard.model.learning.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.EnumSet;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FusionInferenceTest {

    static final int IMAGING = 6;
    static final int PATHOLOGY = 40;
    static final int CLINICAL = 9;

    @Test
    void theGatedNetworkGivesDl4jsOutputsForEveryModalitySubset() {
        assertSameAsDl4j(ModelSpec.Fusion.GATED);
    }

    @Test
    void theConcatenationNetworkGivesDl4jsOutputsForEveryModalitySubset() {
        assertSameAsDl4j(ModelSpec.Fusion.CONCAT);
    }

    @Test
    void theFusedEmbeddingIsDl4jsFusedVertex() {
        ModelSpec spec = spec(ModelSpec.Fusion.GATED);
        ComputationGraph graph = FusionGraphFactory.build(spec, IMAGING, PATHOLOGY, CLINICAL, 1e-3);
        float[][][] inputs = randomBatch(spec, 8, new Random(5));
        INDArray expected = graph.feedForward(arrays(inputs), false).get(FusionGraphFactory.FUSED);
        float[][] fused = FusionInference.of(graph).activations(FusionGraphFactory.FUSED, inputs);
        for (int row = 0; row < fused.length; row++) {
            assertClose(fused[row], expected.getRow(row).toFloatVector());
        }
    }

    @Test
    void mcDropoutVariesTheSamplesAndOneSeedRepeatsThem() {
        ModelSpec spec = spec(ModelSpec.Fusion.GATED);
        FusionInference inference = FusionInference.of(FusionGraphFactory.build(spec, IMAGING, PATHOLOGY, CLINICAL,
                1e-3));
        float[][][] one = randomBatch(spec, 1, new Random(9));
        float[][][] copies = new float[4][20][];
        for (int input = 0; input < 4; input++) {
            java.util.Arrays.fill(copies[input], one[input][0]);
        }
        float[][] samples = inference.outputs(copies, new Random(1))[0];
        assertThat(samples[0]).isNotEqualTo(samples[1]);
        assertThat(inference.outputs(copies, new Random(1))[0]).isDeepEqualTo(samples);
        assertThat(inference.outputs(copies, null)[0][0]).isEqualTo(inference.outputs(copies, null)[0][19]);
    }

    private static void assertSameAsDl4j(ModelSpec.Fusion fusion) {
        ModelSpec spec = spec(fusion);
        ComputationGraph graph = FusionGraphFactory.build(spec, IMAGING, PATHOLOGY, CLINICAL, 1e-3);
        float[][][] inputs = randomBatch(spec, 16, new Random(3));
        INDArray[] expected = graph.output(false, arrays(inputs));
        float[][][] actual = FusionInference.of(graph).outputs(inputs, null);
        assertThat(actual.length).isEqualTo(expected.length);
        for (int output = 0; output < expected.length; output++) {
            for (int row = 0; row < 16; row++) {
                assertClose(actual[output][row], expected[output].getRow(row).toFloatVector());
            }
        }
    }

    private static ModelSpec spec(ModelSpec.Fusion fusion) {
        return new ModelSpec(8, 4, fusion, EnumSet.allOf(Modality.class), 0.2, 0.25,
                new SurvivalIntervals(10, 5 * 365), 3L);
    }

    /** Rows cycling through all eight presence patterns; absent modalities zero, as the assembler lays them out. */
    private static float[][][] randomBatch(ModelSpec spec, int rows, Random random) {
        int h = spec.embeddingWidth();
        int[] widths = {IMAGING, PATHOLOGY, CLINICAL};
        float[][][] x = new float[4][rows][];
        for (int row = 0; row < rows; row++) {
            x[3][row] = new float[3 * h];
            for (int m = 0; m < 3; m++) {
                boolean present = ((row >> m) & 1) == 0;
                x[m][row] = new float[widths[m]];
                for (int f = 0; present && f < widths[m]; f++) {
                    // pathology is sparse like TF-IDF
                    x[m][row][f] = m == 1 && random.nextDouble() < 0.8 ? 0f : (float) random.nextGaussian();
                }
                if (present) {
                    java.util.Arrays.fill(x[3][row], m * h, (m + 1) * h, 1f);
                }
            }
        }
        return x;
    }

    private static INDArray[] arrays(float[][][] x) {
        return new INDArray[] {Nd4j.create(x[0]), Nd4j.create(x[1]), Nd4j.create(x[2]), Nd4j.create(x[3])};
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
        }
    }
}
