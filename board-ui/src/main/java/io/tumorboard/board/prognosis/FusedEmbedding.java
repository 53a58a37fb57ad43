package io.tumorboard.board.prognosis;

import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.PatientCase;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The promoted model's fused case embedding, for ranking similar past cases. */
public interface FusedEmbedding {

    /** Whether a model is promoted, so that a caller gathers cases to embed only when they can be embedded. */
    boolean available();

    /**
     * The embeddings of the cases, in order, under the promoted model; a case the model cannot encode gets
     * {@code null} at its place. Empty when no model is promoted. A case version already embedded by the same
     * model version is not decoded again: {@code decode} is called only for the others.
     */
    Optional<Embedded> embed(List<CaseSummary> cases, Function<CaseSummary, PatientCase> decode);

    /**
     * Embeddings with the model version that made them.
     *
     * @param modelVersion the promoted version
     * @param vectors one vector per case (null where the case could not be encoded)
     */
    record Embedded(String modelVersion, List<double[]> vectors) {
    }
}
