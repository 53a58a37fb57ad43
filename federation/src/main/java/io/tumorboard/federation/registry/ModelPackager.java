package io.tumorboard.federation.registry;

import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a round's global weights into the model's own package format (for the fusion network: the learning
 * module's {@code ModelPackage}, {@code model.zip}). Without a packager the registry stores raw fp32 weights.
 */
public interface ModelPackager {

    /** The package's file name inside a version folder. */
    String fileName();

    /** Writes the package of the model a round produced. */
    void write(ClosedRound round, Path file) throws IOException;

    /** Rewrites a package with its federated evaluation, which arrives one round after the model. */
    void evaluated(Path file, FederatedEvaluation evaluation) throws IOException;

    /** Rewrites a package with its calibration table, pooled from the sites' aggregates after the run. */
    void calibrated(Path file, List<CalibrationGroup> table) throws IOException;
}
