package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.PayloadDecoder;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The coordinator's checks on an update before it may touch the global model: every value finite (a
 * NaN or infinity would poison every coordinate it is averaged into) and an L2 norm within the run's
 * bound (an absurdly large update is a fault or an attack). The values are checked as the update's pieces
 * arrive ({@link Running}), so an accepted update is read once, not spooled and then read back.
 */
final class UpdateCheck {

    private static final int BLOCK = 1 << 12;

    private final ModelLayout layout;
    private final double maxNorm;

    UpdateCheck(ModelLayout layout, double maxNorm) {
        this.layout = layout;
        this.maxNorm = maxNorm;
    }

    /** The check of one update in {@code encoding} (with its per-tensor {@code scales}), fed its payload in pieces. */
    Running start(UpdateEncoding encoding, float[] scales) {
        return new Running(new PayloadDecoder(layout, encoding, scales), scales, maxNorm);
    }

    /** One update's check: fed every piece of its payload in order, then asked for its verdict. */
    static final class Running {
        private final PayloadDecoder decoder;
        private final double maxNorm;
        private final float[] block = new float[BLOCK];
        private boolean nonFinite;
        private double sumSq;

        private Running(PayloadDecoder decoder, float[] scales, double maxNorm) {
            this.decoder = decoder;
            this.maxNorm = maxNorm;
            for (float s : scales) {
                nonFinite |= !Float.isFinite(s);
            }
        }

        /** Checks the values in {@code piece} (read through a view; the caller's buffer is left as it was). */
        void accept(ByteBuffer piece) {
            ByteBuffer values = piece.duplicate();
            for (int n = BLOCK; n == BLOCK; ) {
                n = decoder.decodePiece(values, block, 0, BLOCK);
                for (int k = 0; k < n; k++) {
                    float v = block[k];
                    nonFinite |= !Float.isFinite(v);
                    sumSq += (double) v * v;
                }
            }
        }

        /** The update's L2 norm once its whole payload was fed, or the refusal of a non-finite or absurd update. */
        double norm() throws RefusedResult {
            if (nonFinite) {
                throw new RefusedResult(RefusedResult.Kind.INVALID, AuditEvent.NON_FINITE_UPDATE,
                        "update holds NaN or infinite values");
            }
            double norm = Math.sqrt(sumSq);
            if (!(norm <= maxNorm)) {
                throw new RefusedResult(RefusedResult.Kind.INVALID, AuditEvent.ABSURD_NORM,
                        String.format(Locale.ROOT, "update L2 norm %.4g exceeds the run's bound %.4g", norm, maxNorm));
            }
            return norm;
        }
    }
}
