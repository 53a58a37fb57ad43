package io.tumorboard.model.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.EnumSet;
import java.util.Set;

/**
 * The shape of a fusion network: how wide its encoders are, how it fuses, which modalities it may use, and the
 * survival grid. Two models with equal specs and equal feature pipelines have parameter vectors of the same
 * length and layout, which is what federated averaging needs.
 *
 * @param encoderWidth hidden width of each modality encoder's first layer
 * @param embeddingWidth width of each modality embedding and of the fused embedding
 * @param fusion gated fusion, or plain concatenation as the baseline fusion is compared with
 * @param modalities the modalities the model may see; the others are always masked (single-modality baselines)
 * @param dropout dropout probability inside the encoders, also the MC-dropout rate at prediction
 * @param modalityDropout probability of hiding a present modality from a training example
 * @param intervals the survival grid
 * @param seed weight-initialisation seed
 */
public record ModelSpec(int encoderWidth, int embeddingWidth, Fusion fusion, Set<Modality> modalities,
                        double dropout, double modalityDropout, SurvivalIntervals intervals, long seed) {

    @JsonCreator
    public ModelSpec(@JsonProperty("encoderWidth") int encoderWidth,
                     @JsonProperty("embeddingWidth") int embeddingWidth,
                     @JsonProperty("fusion") Fusion fusion,
                     @JsonProperty("modalities") Set<Modality> modalities,
                     @JsonProperty("dropout") double dropout,
                     @JsonProperty("modalityDropout") double modalityDropout,
                     @JsonProperty("intervals") SurvivalIntervals intervals,
                     @JsonProperty("seed") long seed) {
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one modality");
        }
        if (dropout < 0 || dropout >= 1 || modalityDropout < 0 || modalityDropout >= 1) {
            throw new IllegalArgumentException("dropout probabilities must lie in [0, 1)");
        }
        this.encoderWidth = encoderWidth;
        this.embeddingWidth = embeddingWidth;
        this.fusion = fusion;
        this.modalities = Set.copyOf(EnumSet.copyOf(modalities));
        this.dropout = dropout;
        this.modalityDropout = modalityDropout;
        this.intervals = intervals;
        this.seed = seed;
    }

    /** 32-wide encoders, 16-wide embeddings, gated fusion of all three modalities, 15 intervals over 5 years. */
    public static ModelSpec defaults() {
        return new ModelSpec(32, 16, Fusion.GATED, EnumSet.allOf(Modality.class), 0.2, 0.25,
                new SurvivalIntervals(15, 5 * 365), 42L);
    }

    public ModelSpec withFusion(Fusion newFusion) {
        return new ModelSpec(encoderWidth, embeddingWidth, newFusion, modalities, dropout, modalityDropout,
                intervals, seed);
    }

    public ModelSpec withModalities(Set<Modality> newModalities) {
        return new ModelSpec(encoderWidth, embeddingWidth, fusion, newModalities, dropout, modalityDropout,
                intervals, seed);
    }

    public ModelSpec withSeed(long newSeed) {
        return new ModelSpec(encoderWidth, embeddingWidth, fusion, modalities, dropout, modalityDropout,
                intervals, newSeed);
    }

    /** How the modality embeddings become one. */
    public enum Fusion {
        /** Each embedding is weighted by a learned sigmoid gate computed from all embeddings and the mask. */
        GATED,
        /** The masked embeddings are concatenated and mixed by one dense layer: the baseline. */
        CONCAT
    }
}
