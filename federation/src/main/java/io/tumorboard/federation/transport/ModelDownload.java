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
 * two pieces waits in the decoder ({@link PayloadDecoder#decodePiece}). Whatever goes wrong (more bytes than the
 * header declares, bytes before a header) is remembered, not thrown, because pieces are fed from inside gRPC's
 * message parsing; {@link #model} reports it. The values are decoded into an array the caller hands over for reuse (the previous
 * model's, given back by the site) when it has the layout's length, else into a fresh one: a 256 MB model then
 * costs no new array, no zeroing and no collection per pull. Every value is overwritten before {@link #model}
 * accepts the download (it checks that all of them were decoded), so nothing of the previous model survives.
 */
final class ModelDownload {

    private final PayloadHeader header;
    private final float[] values;
    private final PayloadDecoder decoder;
    private final MessageDigest digest;
    private long received;
    private String failure;

    private ModelDownload(PayloadHeader header, String failure, float[] reusable) {
        this.header = header;
        this.failure = failure;
        int size = header == null ? 0 : header.layout().size();
        this.values = reusable != null && reusable.length == size ? reusable : new float[size];
        this.decoder = header == null ? null
                : new PayloadDecoder(header.layout(), header.encoding(), header.scales());
        this.digest = sha256();
    }

    /**
     * A download of the payload {@code header} announces, decoded into {@code reusable} if it is not null and has
     * the layout's length (the caller gives it up: nothing else may hold it).
     */
    static ModelDownload of(PayloadHeader header, float[] reusable) {
        if (header.totalBytes() != (long) header.layout().size() * header.encoding().bytesPerValue()) {
            return failed("model header's size does not match its layout and encoding");
        }
        return new ModelDownload(header, null, reusable);
    }

    /** A download that has already failed: its pieces are counted and dropped, and {@link #model} says why. */
    static ModelDownload failed(String reason) {
        return new ModelDownload(null, reason, null);
    }

    /** Whether the model is being decoded into {@code array} (so the caller must not use it elsewhere). */
    boolean decodesInto(float[] array) {
        return array != null && values == array;
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
        decoder.decodePiece(piece, values, decoder.decoded(), values.length - decoder.decoded());
        if (piece.hasRemaining()) {
            failure = "model stream holds more values than its layout";
        }
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
        if (received != header.totalBytes() || !decoder.complete() || decoder.holdsPartialValue()
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
