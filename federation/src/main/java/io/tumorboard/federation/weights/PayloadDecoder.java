package io.tumorboard.federation.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a wire payload back into floats, value by value, from buffers of any size. With {@link #decode}, a value
 * split across two chunks stays in the caller's buffer (compact it and append the next chunk); with
 * {@link #decodePiece}, for pieces read once and not kept, the decoder carries it itself. Stateful: one decoder
 * per payload.
 */
public final class PayloadDecoder {

    private final UpdateEncoding encoding;
    private final float[] scales;
    private final int[] tensorEnds;
    private final int size;
    private final ByteBuffer carry = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private int index;
    private int tensor;

    public PayloadDecoder(ModelLayout layout, UpdateEncoding encoding, float[] scales) {
        this.encoding = encoding;
        this.scales = scales.clone();
        this.tensorEnds = PayloadEncoder.tensorEnds(layout);
        this.size = layout.size();
        if (encoding == UpdateEncoding.INT8 && scales.length != tensorEnds.length) {
            throw new IllegalArgumentException("INT8 needs one scale per tensor: " + tensorEnds.length);
        }
    }

    /**
     * Decodes as many whole values as {@code in} holds, at most {@code max}, into {@code out} from
     * {@code outPos}; returns how many were decoded. Leftover bytes of a partial value stay in {@code in}.
     */
    public int decode(ByteBuffer in, float[] out, int outPos, int max) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        int n = Math.min(Math.min(max, in.remaining() / encoding.bytesPerValue()), size - index);
        if (encoding == UpdateEncoding.FP32) {
            in.asFloatBuffer().get(out, outPos, n);
            in.position(in.position() + 4 * n);
            index += n;
            return n;
        }
        for (int k = 0; k < n; k++) {
            out[outPos + k] = switch (encoding) {
                case FP32 -> in.getFloat();
                case FP16 -> Half.toFloat(in.getShort());
                case INT8 -> {
                    while (index + k >= tensorEnds[tensor]) {
                        tensor++;
                    }
                    yield in.get() * scales[tensor];
                }
            };
        }
        index += n;
        return n;
    }

    /**
     * Decodes {@code piece} into {@code out} from {@code outPos}, at most {@code max} values, and keeps the bytes of
     * a value that continues in the next piece; returns how many values were decoded. What stays in {@code piece}
     * did not fit: more than {@code max} values, or bytes beyond the layout's last value.
     */
    public int decodePiece(ByteBuffer piece, float[] out, int outPos, int max) {
        int n = 0;
        if (carry.position() > 0 && max > 0 && index < size) {
            while (carry.position() < encoding.bytesPerValue() && piece.hasRemaining()) {
                carry.put(piece.get());
            }
            if (carry.position() < encoding.bytesPerValue()) {
                return 0;
            }
            carry.flip();
            n = decode(carry, out, outPos, 1);
            carry.clear();
        }
        n += decode(piece, out, outPos + n, max - n);
        if (n < max && index < size && piece.remaining() < encoding.bytesPerValue()) {
            carry.put(piece);
        }
        return n;
    }

    /** Whether {@link #decodePiece} holds the first bytes of a value still waiting for the rest. */
    public boolean holdsPartialValue() {
        return carry.position() > 0;
    }

    /** True once every value of the layout has been decoded. */
    public boolean complete() {
        return index == size;
    }

    /** Values decoded so far. */
    public int decoded() {
        return index;
    }
}
