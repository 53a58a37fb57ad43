package io.tumorboard.federation.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a wire payload back into floats, value by value, from buffers of any size: a value split across
 * two chunks stays in the caller's buffer (compact it and append the next chunk). Stateful: one decoder
 * per payload.
 */
public final class PayloadDecoder {

    private final UpdateEncoding encoding;
    private final float[] scales;
    private final int[] tensorEnds;
    private final int size;
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

    /** True once every value of the layout has been decoded. */
    public boolean complete() {
        return index == size;
    }

    /** Values decoded so far. */
    public int decoded() {
        return index;
    }
}
