package io.tumorboard.board.prognosis;

import io.tumorboard.model.cases.PatientCase;
import java.util.List;
import java.util.Optional;

/** The promoted model's fused case embedding, for ranking similar past cases. */
public interface FusedEmbedding {

    /**
     * The embeddings of the cases, in order, under the promoted model; a case the model cannot encode gets
     * {@code null} at its place. Empty when no model is promoted.
     */
    Optional<Embedded> embed(List<PatientCase> cases);

    /**
     * Embeddings with the model version that made them.
     *
     * @param modelVersion the promoted version
     * @param vectors one vector per case (null where the case could not be encoded)
     */
    record Embedded(String modelVersion, List<double[]> vectors) {
    }
}
