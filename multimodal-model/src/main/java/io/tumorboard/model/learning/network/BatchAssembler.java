package io.tumorboard.model.learning.network;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.features.CaseFeatures;
import io.tumorboard.model.learning.features.StageTarget;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lays cases out as the network's input and label arrays. In training it applies modality dropout: each
 * present modality is hidden from an example with the spec's probability (never the last one present), so the
 * network learns to predict from any subset, which is what a site missing a modality will ask of it.
 */
public final class BatchAssembler {

    private final ModelSpec spec;

    public BatchAssembler(ModelSpec spec) {
        this.spec = spec;
    }

    /** The four input arrays: imaging [B,I], pathology [B,P], clinical [B,C], presence [B,3H]. */
    public INDArray[] inputs(List<CaseFeatures> cases) {
        return inputs(cases, null);
    }

    /** The same four inputs as plain arrays [input][B][width], for {@link FusionInference}. */
    public float[][][] inputRows(List<CaseFeatures> cases) {
        return rows(cases, null);
    }

    private INDArray[] inputs(List<CaseFeatures> cases, Random modalityDropout) {
        float[][][] x = rows(cases, modalityDropout);
        return new INDArray[] {Nd4j.create(x[0]), Nd4j.create(x[1]), Nd4j.create(x[2]), Nd4j.create(x[3])};
    }

    private float[][][] rows(List<CaseFeatures> cases, Random modalityDropout) {
        int b = cases.size();
        int h = spec.embeddingWidth();
        float[][][] x = new float[3][b][];
        float[][] presence = new float[b][3 * h];
        for (int i = 0; i < b; i++) {
            CaseFeatures c = cases.get(i);
            boolean[] keep = visible(c, modalityDropout);
            for (Modality m : Modality.values()) {
                float[] input = c.input(m);
                x[m.ordinal()][i] = keep[m.ordinal()] ? input : new float[input.length];
                if (keep[m.ordinal()]) {
                    java.util.Arrays.fill(presence[i], m.ordinal() * h, (m.ordinal() + 1) * h, 1f);
                }
            }
        }
        return new float[][][] {x[0], x[1], x[2], presence};
    }

    /**
     * A training batch. Labels: survival [B,K] (−1 = not at risk), then each stage head's one-hot [B,4] (in
     * {@link FusionGraphFactory#OUTPUTS} order) with a per-example mask [B,1] that is 0 where that descriptor
     * is not documented or the head's modality is hidden from the example.
     *
     * @param stageLabels per case, the class of each {@link StageTarget} in its order, −1 where unknown
     */
    public MultiDataSet trainingBatch(List<CaseFeatures> cases, List<float[]> survivalLabels, List<int[]> stageLabels,
                                      Random random) {
        int b = cases.size();
        Random dropout = spec.modalityDropout() > 0 && random != null ? random : null;
        INDArray[] inputs = inputs(cases, dropout);
        INDArray presence = inputs[3];
        int h = spec.embeddingWidth();
        float[][] survival = new float[b][];
        for (int i = 0; i < b; i++) {
            survival[i] = survivalLabels.get(i);
        }
        INDArray[] labels = new INDArray[FusionGraphFactory.OUTPUTS.length];
        INDArray[] masks = new INDArray[labels.length];
        labels[0] = Nd4j.create(survival);
        for (Modality m : FusionGraphFactory.STAGED) {
            for (StageTarget target : StageTarget.values()) {
                float[][] oneHot = new float[b][StageTarget.CLASSES];
                float[][] mask = new float[b][1];
                for (int i = 0; i < b; i++) {
                    int label = stageLabels.get(i)[target.ordinal()];
                    if (label >= 0) {
                        oneHot[i][label] = 1f;
                        mask[i][0] = presence.getFloat(i, (long) m.ordinal() * h);
                    }
                }
                int output = FusionGraphFactory.stageOutput(m, target);
                labels[output] = Nd4j.create(oneHot);
                masks[output] = Nd4j.create(mask);
            }
        }
        return new MultiDataSet(inputs, labels, null, masks);
    }

    private boolean[] visible(CaseFeatures c, Random dropout) {
        boolean[] keep = new boolean[3];
        for (Modality m : Modality.values()) {
            keep[m.ordinal()] = c.has(m) && spec.modalities().contains(m);
        }
        if (dropout != null) {
            int present = 0;
            for (boolean k : keep) {
                present += k ? 1 : 0;
            }
            for (int m = 0; m < 3 && present > 1; m++) {
                if (keep[m] && dropout.nextDouble() < spec.modalityDropout()) {
                    keep[m] = false;
                    present--;
                }
            }
        }
        return keep;
    }
}
