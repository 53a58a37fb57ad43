package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.weights.ModelLayout;
import java.io.IOException;

/**
 * The coordinator's checks on an update before it may touch the global model: every value finite (a
 * NaN or infinity would poison every coordinate it is averaged into) and an L2 norm within the run's
 * bound (an absurdly large update is a fault or an attack). Reads the spool file in blocks.
 */
final class UpdateCheck {

    private static final int BLOCK = 1 << 16;

    private final ModelLayout layout;
    private final double maxNorm;

    UpdateCheck(ModelLayout layout, double maxNorm) {
        this.layout = layout;
        this.maxNorm = maxNorm;
    }

    /** Returns the update's L2 norm, or refuses it. */
    double check(SpooledUpdate update) throws IOException, RefusedResult {
        for (float s : update.scales()) {
            if (!Float.isFinite(s)) {
                throw nonFinite();
            }
        }
        double sumSq = 0;
        float[] block = new float[BLOCK];
        try (SpooledUpdate.Reader r = update.open(layout)) {
            for (int i = 0; i < layout.size(); i += BLOCK) {
                int n = Math.min(BLOCK, layout.size() - i);
                r.next(block, n);
                for (int k = 0; k < n; k++) {
                    float v = block[k];
                    if (!Float.isFinite(v)) {
                        throw nonFinite();
                    }
                    sumSq += (double) v * v;
                }
            }
        }
        double norm = Math.sqrt(sumSq);
        if (!(norm <= maxNorm)) {
            throw new RefusedResult(RefusedResult.Kind.INVALID, AuditEvent.ABSURD_NORM,
                    String.format(java.util.Locale.ROOT, "update L2 norm %.4g exceeds the run's bound %.4g", norm, maxNorm));
        }
        return norm;
    }

    private static RefusedResult nonFinite() {
        return new RefusedResult(RefusedResult.Kind.INVALID, AuditEvent.NON_FINITE_UPDATE,
                "update holds NaN or infinite values");
    }
}
