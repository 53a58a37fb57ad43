package io.tumorboard.federation.weights;

/**
 * What precedes a streamed payload: the layout, the encoding and its per-tensor scales, the total size and
 * the SHA-256 of the bytes that follow.
 *
 * @param totalBytes payload size over all chunks, in bytes
 */
public record PayloadHeader(ModelLayout layout, UpdateEncoding encoding, float[] scales, long totalBytes,
                            byte[] sha256) {

    public PayloadHeader {
        scales = scales.clone();
        sha256 = sha256.clone();
    }

    /** The header of {@code values} encoded with {@code encoder}. */
    public static PayloadHeader of(PayloadEncoder encoder, ModelLayout layout, float[] values) {
        return new PayloadHeader(layout, encoder.encoding(), encoder.scales(), encoder.payloadBytes(),
                encoder.sha256(values));
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}
