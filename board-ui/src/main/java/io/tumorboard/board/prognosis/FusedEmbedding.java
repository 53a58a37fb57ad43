package io.tumorboard.board.prognosis;

import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.PatientCase;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The promoted model's fused case embedding, for ranking similar past cases. */
public interface FusedEmbedding {

    /**
     * The promoted model package as it is now, empty when none is promoted: a caller gathers cases to embed only
     * when they can be embedded, and may keep what it derived from the embeddings under this state.
     */
    Optional<ModelState> promotedModel();

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

    /**
     * What names a promoted model's weights: its version and its package file with the file's modification time
     * (a package rewritten in place under the same version is a different model).
     *
     * @param version {@code <run-id>/round-<NNNN>}
     * @param packageFile the version's {@code model.zip}
     * @param packageModified its modification time
     */
    record ModelState(String version, Path packageFile, FileTime packageModified) {
    }
}
