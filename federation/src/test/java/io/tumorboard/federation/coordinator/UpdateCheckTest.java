package io.tumorboard.federation.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.TensorShape;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateCheckTest {

    private static final ModelLayout LAYOUT = new ModelLayout(List.of(new TensorShape("w", new long[] {4, 3}),
            new TensorShape("b", new long[] {5})));

    /** Feeds the encoded update in pieces of {@code pieceBytes}, as chunks arrive, and returns the check. */
    private static UpdateCheck.Running fed(float[] values, UpdateEncoding encoding, int pieceBytes, double maxNorm) {
        PayloadEncoder encoder = PayloadEncoder.forValues(LAYOUT, encoding, values);
        UpdateCheck.Running check = new UpdateCheck(LAYOUT, maxNorm).start(encoding, encoder.scales());
        encoder.chunks(values, pieceBytes).forEachRemaining(check::accept);
        return check;
    }

    private static float[] values(float each) {
        float[] v = new float[LAYOUT.size()];
        java.util.Arrays.fill(v, each);
        return v;
    }

    @Test
    void theNormIsTheL2NormOfTheWholeUpdateHoweverItsPiecesSplitItsValues() throws Exception {
        float[] v = values(0.5f);
        double expected = 0.5 * Math.sqrt(LAYOUT.size());
        for (int piece : new int[] {1, 3, 7, 1 << 20}) {
            assertThat(fed(v, UpdateEncoding.FP32, piece, 10).norm()).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(fed(v, UpdateEncoding.FP16, piece, 10).norm()).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aNaNOrAnInfinityAnywhereIsRefusedAsNonFinite() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            float[] v = values(0.1f);
            v[LAYOUT.size() - 1] = bad;
            assertThatThrownBy(() -> fed(v, UpdateEncoding.FP32, 5, 10).norm()).isInstanceOfSatisfying(
                    RefusedResult.class, r -> assertThat(r.event()).isEqualTo(AuditEvent.NON_FINITE_UPDATE));
        }
    }

    @Test
    void anUpdateBeyondTheRunsNormBoundIsRefusedAsAbsurd() {
        assertThatThrownBy(() -> fed(values(3f), UpdateEncoding.FP32, 1 << 20, 1.0).norm()).isInstanceOfSatisfying(
                RefusedResult.class, r -> assertThat(r.event()).isEqualTo(AuditEvent.ABSURD_NORM));
    }

    @Test
    void feedingAPieceLeavesTheCallersBufferAsItWasForTheSpool() {
        ByteBuffer piece = ByteBuffer.allocate(8).putFloat(1f).putFloat(2f).flip();
        new UpdateCheck(LAYOUT, 10).start(UpdateEncoding.FP32, new float[0]).accept(piece);

        assertThat(piece.position()).isZero();
        assertThat(piece.remaining()).isEqualTo(8);
    }
}
