package io.tumorboard.federation.site;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.util.Set;

/**
 * A site's connection to the coordinator in domain terms; the gRPC client implements it. Failures surface
 * as {@link LinkFailure}, which says what the site should do about them.
 */
public interface CoordinatorLink {

    /** The run's configuration and the encoding negotiated for this site's updates. */
    record Registration(RunConfiguration config, UpdateEncoding encoding) {
    }

    /**
     * Registers for {@code runId}.
     *
     * @param maskingPublicKey the site's X25519 masking key for this run (X.509 DER), null when it sends no
     *                         calibration counts
     */
    Registration register(String runId, Set<UpdateEncoding> supported, byte[] maskingPublicKey) throws LinkFailure;

    Task pullTask(String runId) throws LinkFailure;

    /**
     * Gives back the global model of a task the site has finished (trained or evaluated, result pushed or dropped):
     * nothing at the site holds it or its values any longer, so the link may decode a later model into the same
     * array instead of allocating one per pull. By default it is simply dropped.
     */
    default void recycle(ModelWeights model) {
    }

    /** Tells the coordinator this site is alive; returns the rounds it has completed. */
    default int heartbeat(String runId) throws LinkFailure {
        return -1;
    }

    /** Pushes a report, with the update (trained minus global weights) for TRAIN, null otherwise. */
    void pushResult(String runId, SiteReport report, ModelLayout layout, float[] update, UpdateEncoding encoding)
            throws LinkFailure;
}
