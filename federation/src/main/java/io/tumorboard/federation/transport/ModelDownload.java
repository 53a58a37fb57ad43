package io.tumorboard.federation.transport;

import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadDecoder;
import io.tumorboard.federation.weights.PayloadHeader;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A model arriving at a site, fed its payload in pieces of any size, in order: each piece goes into the running
 * SHA-256 and is decoded into the model's values at once, so no piece needs to be kept. A value split between
 * two pieces waits in a few carried bytes. Whatever goes wrong (more bytes than the header declares, bytes
 * before a header) is remembered, not thrown, because pieces are fed from inside gRPC's message parsing;
 * {@link #model} reports it.
 */
final class ModelDownload {

    private final PayloadHeader header;
    private final float[] values;
    private final PayloadDecoder decoder;
    private final MessageDigest digest;
    private final ByteBuffer carry = ByteBuffer.allocate(8);
    private final int bytesPerValue;
    private long received;
    private String failure;

    private ModelDownload(PayloadHeader header, String failure) {
        this.header = header;
        this.failure = failure;
        this.values = header == null ? new float[0] : new float[header.layout().size()];
        this.decoder = header == null ? null
                : new PayloadDecoder(header.layout(), header.encoding(), header.scales());
        this.bytesPerValue = header == null ? 1 : header.encoding().bytesPerValue();
        this.digest = sha256();
    }

    /** A download of the payload {@code header} announces. */
    static ModelDownload of(PayloadHeader header) {
        if (header.totalBytes() != (long) header.layout().size() * header.encoding().bytesPerValue()) {
            return failed("model header's size does not match its layout and encoding");
        }
        return new ModelDownload(header, null);
    }

    /** A download that has already failed: its pieces are counted and dropped, and {@link #model} says why. */
    static ModelDownload failed(String reason) {
        return new ModelDownload(null, reason);
    }

    /** Marks the download failed, unless it already failed for an earlier reason (the first one is reported). */
    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    /** Digests and decodes {@code piece} (read, never kept). */
    void accept(ByteBuffer piece) {
        received += piece.remaining();
        if (failure != null) {
            return;
        }
        if (received > header.totalBytes()) {
            failure = "model stream longer than its header says";
            return;
        }
        digest.update(piece.duplicate());
        if (carry.position() > 0) {
            while (carry.position() < bytesPerValue && piece.hasRemaining()) {
                carry.put(piece.get());
            }
            if (carry.position() < bytesPerValue) {
                return;
            }
            carry.flip();
            decoder.decode(carry, values, decoder.decoded(), 1);
            carry.clear();
        }
        decoder.decode(piece, values, decoder.decoded(), values.length - decoder.decoded());
        if (piece.remaining() >= bytesPerValue) {
            failure = "model stream holds more values than its layout";
            return;
        }
        carry.put(piece);
    }

    /** Throws IllegalArgumentException at once if the download has failed, so a site stops reading early. */
    void refuseIfFailed() {
        if (failure != null) {
            throw new IllegalArgumentException(failure);
        }
    }

    /** The received model, once its payload is complete and matches the header's digest. */
    ModelWeights model() {
        refuseIfFailed();
        if (received != header.totalBytes() || !decoder.complete() || carry.position() > 0
                || !Arrays.equals(digest.digest(), header.sha256())) {
            throw new IllegalArgumentException("model stream incomplete or its digest does not match");
        }
        return new ModelWeights(header.layout(), values);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always ships SHA-256", e);
        }
    }
}
