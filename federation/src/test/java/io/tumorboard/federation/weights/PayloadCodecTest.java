package io.tumorboard.federation.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    private static final ModelLayout LAYOUT = new ModelLayout(List.of(new TensorShape("a", new long[] {3, 5}),
            new TensorShape("b", new long[] {7})));

    private static float[] randomValues(long seed) {
        Random r = new Random(seed);
        float[] v = new float[LAYOUT.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * (i < 15 ? 0.1 : 3.0));
        }
        return v;
    }

    private static float[] roundTrip(float[] values, UpdateEncoding enc, int chunkBytes) {
        PayloadEncoder encoder = PayloadEncoder.forValues(LAYOUT, enc, values);
        PayloadDecoder decoder = new PayloadDecoder(LAYOUT, enc, encoder.scales());
        float[] out = new float[values.length];
        ByteBuffer carry = ByteBuffer.allocate(64);
        carry.flip();
        Iterator<ByteBuffer> chunks = encoder.chunks(values, chunkBytes);
        while (chunks.hasNext()) {
            ByteBuffer c = chunks.next();
            ByteBuffer joined = ByteBuffer.allocate(carry.remaining() + c.remaining());
            joined.put(carry).put(c).flip();
            decoder.decode(joined, out, decoder.decoded(), out.length - decoder.decoded());
            carry = joined;
        }
        assertThat(decoder.complete()).isTrue();
        return out;
    }

    @Test
    void fp32RoundTripsBitForBitWhateverTheChunkSize() {
        float[] v = randomValues(1);
        for (int chunk : new int[] {1, 3, 4, 7, 1 << 20}) {
            assertThat(roundTrip(v, UpdateEncoding.FP32, chunk)).isEqualTo(v);
        }
    }

    @Test
    void fp16KeepsElevenSignificantBitsAndInt8KeepsEachTensorWithinHalfAQuantisationStep() {
        float[] v = randomValues(2);
        float[] half = roundTrip(v, UpdateEncoding.FP16, 6);
        for (int i = 0; i < v.length; i++) {
            assertThat(half[i]).isCloseTo(v[i], org.assertj.core.data.Offset.offset(Math.abs(v[i]) / 1024f + 1e-7f));
        }
        PayloadEncoder enc = PayloadEncoder.forValues(LAYOUT, UpdateEncoding.INT8, v);
        float[] q = roundTrip(v, UpdateEncoding.INT8, 5);
        for (int i = 0; i < v.length; i++) {
            float step = enc.scales()[i < 15 ? 0 : 1];
            assertThat(Math.abs(q[i] - v[i])).isLessThanOrEqualTo(step / 2 + 1e-6f);
        }
        assertThat(enc.payloadBytes()).isEqualTo(LAYOUT.size());
    }

    @Test
    void piecesSplitAnywhereDecodeToTheSameValuesInEveryEncodingWithTheSplitValueCarriedByTheDecoder() {
        float[] v = randomValues(4);
        for (UpdateEncoding enc : UpdateEncoding.values()) {
            PayloadEncoder encoder = PayloadEncoder.forValues(LAYOUT, enc, v);
            float[] whole = roundTrip(v, enc, 1 << 20);
            for (int piece : new int[] {1, 3, 5, 7}) {
                PayloadDecoder decoder = new PayloadDecoder(LAYOUT, enc, encoder.scales());
                float[] out = new float[v.length];
                Iterator<ByteBuffer> chunks = encoder.chunks(v, piece);
                while (chunks.hasNext()) {
                    ByteBuffer c = chunks.next();
                    decoder.decodePiece(c, out, decoder.decoded(), out.length - decoder.decoded());
                    assertThat(c.hasRemaining()).as("every byte taken or carried").isFalse();
                }
                assertThat(decoder.complete()).isTrue();
                assertThat(decoder.holdsPartialValue()).isFalse();
                assertThat(out).as(enc + " in pieces of " + piece).isEqualTo(whole);
            }
        }
    }

    @Test
    void bytesBeyondTheLayoutsLastValueStayInThePiece() {
        float[] v = randomValues(5);
        ByteBuffer payload = ByteBuffer.allocate(4 * v.length + 6);
        PayloadEncoder.forValues(LAYOUT, UpdateEncoding.FP32, v).chunks(v, 1 << 20).forEachRemaining(payload::put);
        payload.put(new byte[6]).flip();
        PayloadDecoder decoder = new PayloadDecoder(LAYOUT, UpdateEncoding.FP32, new float[0]);

        int n = decoder.decodePiece(payload, new float[v.length], 0, v.length);

        assertThat(n).isEqualTo(v.length);
        assertThat(payload.remaining()).isEqualTo(6);
        assertThat(decoder.holdsPartialValue()).isFalse();
    }

    @Test
    void halfPrecisionConversionFollowsIeee754OnSpecialValues() {
        assertThat(Half.toFloat(Half.fromFloat(65504f))).isEqualTo(65504f);
        assertThat(Half.toFloat(Half.fromFloat(1e6f))).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Half.toFloat(Half.fromFloat(Float.NaN))).isNaN();
        assertThat(Half.toFloat(Half.fromFloat(5.960464477539063e-8f))).isEqualTo(5.960464477539063e-8f);
        assertThat(Half.toFloat(Half.fromFloat(-0f))).isEqualTo(-0f);
        assertThat(Half.toFloat(Half.fromFloat(1.0009766f))).isEqualTo(1.0009766f);
    }

    @Test
    void theDigestIsThatOfTheEncodedBytesSoAnyChangedValueChangesIt() {
        float[] v = randomValues(3);
        PayloadEncoder enc = PayloadEncoder.forValues(LAYOUT, UpdateEncoding.FP32, v);
        byte[] d1 = enc.sha256(v);
        v[4] = Math.nextUp(v[4]);
        assertThat(enc.sha256(v)).isNotEqualTo(d1);
    }
}
