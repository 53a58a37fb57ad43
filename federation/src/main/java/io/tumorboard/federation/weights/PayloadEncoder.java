package io.tumorboard.federation.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Writes a flat weight vector as the wire payload of one {@link UpdateEncoding}: little-endian, tensor after
 * tensor. Chunks are produced lazily, so sending a model never needs a second model-sized byte buffer.
 */
public final class PayloadEncoder {

    private final ModelLayout layout;
    private final UpdateEncoding encoding;
    private final float[] scales;
    private final int[] tensorEnds;

    public PayloadEncoder(ModelLayout layout, UpdateEncoding encoding, float[] scales) {
        this.layout = layout;
        this.encoding = encoding;
        this.scales = scales.clone();
        this.tensorEnds = tensorEnds(layout);
        if (encoding == UpdateEncoding.INT8 && scales.length != layout.tensors().size()) {
            throw new IllegalArgumentException("INT8 needs one scale per tensor: " + layout.tensors().size());
        }
    }

    /** An encoder with the scales the values need: for INT8 the largest magnitude of each tensor / 127. */
    public static PayloadEncoder forValues(ModelLayout layout, UpdateEncoding encoding, float[] values) {
        float[] scales = new float[layout.tensors().size()];
        if (encoding == UpdateEncoding.INT8) {
            int[] ends = tensorEnds(layout);
            int start = 0;
            for (int t = 0; t < ends.length; t++) {
                float max = 0f;
                for (int i = start; i < ends[t]; i++) {
                    max = Math.max(max, Math.abs(values[i]));
                }
                scales[t] = max / 127f;
                start = ends[t];
            }
        }
        return new PayloadEncoder(layout, encoding, scales);
    }

    public float[] scales() {
        return scales.clone();
    }

    public UpdateEncoding encoding() {
        return encoding;
    }

    /** Total payload size in bytes. */
    public long payloadBytes() {
        return (long) layout.size() * encoding.bytesPerValue();
    }

    /** Encodes {@code values[from, from+count)} into {@code out}, which must have room for them. */
    public void encode(float[] values, int from, int count, ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        switch (encoding) {
            case FP32 -> {
                // Bulk copy through a little-endian float view: one pass, no per-value bounds checks.
                out.asFloatBuffer().put(values, from, count);
                out.position(out.position() + 4 * count);
            }
            case FP16 -> {
                for (int i = from; i < from + count; i++) {
                    out.putShort(Half.fromFloat(values[i]));
                }
            }
            case INT8 -> {
                int t = tensorOf(from);
                for (int i = from; i < from + count; i++) {
                    while (i >= tensorEnds[t]) {
                        t++;
                    }
                    float s = scales[t];
                    int q = s == 0f ? 0 : Math.round(values[i] / s);
                    out.put((byte) Math.max(-127, Math.min(127, q)));
                }
            }
        }
    }

    /** The payload as chunks of at most {@code chunkBytes} bytes each, encoded as they are taken. */
    public Iterator<ByteBuffer> chunks(float[] values, int chunkBytes) {
        int perChunk = Math.max(1, chunkBytes / encoding.bytesPerValue());
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < values.length;
            }

            @Override
            public ByteBuffer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int count = Math.min(perChunk, values.length - next);
                ByteBuffer buf = ByteBuffer.allocate(count * encoding.bytesPerValue());
                encode(values, next, count, buf);
                next += count;
                return buf.flip();
            }
        };
    }

    /** SHA-256 of the whole payload, computed chunk by chunk. */
    public byte[] sha256(float[] values) {
        MessageDigest md = sha256();
        int perBlock = HeapBlocks.BYTES / encoding.bytesPerValue();
        ByteBuffer block = ByteBuffer.allocate(perBlock * encoding.bytesPerValue());
        for (int from = 0; from < values.length; from += perBlock) {
            block.clear();
            encode(values, from, Math.min(perBlock, values.length - from), block);
            md.update(block.flip());
        }
        return md.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always ships SHA-256", e);
        }
    }

    private int tensorOf(int index) {
        int t = 0;
        while (index >= tensorEnds[t]) {
            t++;
        }
        return t;
    }

    static int[] tensorEnds(ModelLayout layout) {
        int[] ends = new int[layout.tensors().size()];
        long end = 0;
        for (int t = 0; t < ends.length; t++) {
            end += layout.tensors().get(t).size();
            ends[t] = (int) end;
        }
        return ends;
    }
}
