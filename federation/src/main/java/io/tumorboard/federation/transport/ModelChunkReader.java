package io.tumorboard.federation.transport;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.tumorboard.federation.v1.FederationCoordinatorGrpc;
import io.tumorboard.federation.v1.PullTaskRequest;
import io.tumorboard.federation.v1.TaskPart;
import io.tumorboard.federation.v1.WeightChunk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * The site's marshaller for one PullTask call (one per call: it holds that call's download). A header that
 * announces a model opens a {@link ModelDownload}; each chunk message that follows is read from gRPC's buffers
 * through one small staging array straight into the download's digest and decoder, and the call's iterator
 * gets {@link #RECEIVED_CHUNK} in its place. Before, every 1 MiB chunk was read into a fresh array (zeroed,
 * then garbage) and then digested and decoded. gRPC parses a call's messages one at a time, in order, so the
 * download sees its pieces in order. A chunk message is recognised by its exact framing ({@code TaskPart{chunk:
 * WeightChunk{data}}} and nothing else, as protobuf writes it); any other shape is parsed as plain protobuf.
 * A reader may be given the array of a model the site has finished with; the download decodes into it when the
 * announced layout has its length ({@link #tookReusable}).
 */
final class ModelChunkReader implements MethodDescriptor.Marshaller<TaskPart> {

    /** What the iterator gets for a chunk whose bytes went into the download; the bytes are not kept. */
    static final TaskPart RECEIVED_CHUNK = TaskPart.newBuilder().setChunk(WeightChunk.getDefaultInstance()).build();

    private static final int MAX_FRAMING = ChunkFraming.MAX_FRAMING;
    private static final int STAGING_BYTES = 64 << 10;
    private static final MethodDescriptor.Marshaller<TaskPart> WHOLE = ProtoUtils.marshaller(TaskPart.getDefaultInstance());

    private final byte[] staging = new byte[STAGING_BYTES];
    private final float[] reusable;
    private ModelDownload download;

    /** A reader that decodes a model into a fresh array. */
    ModelChunkReader() {
        this(null);
    }

    /** @param reusable an array the caller gives up for the model to be decoded into (null: none) */
    ModelChunkReader(float[] reusable) {
        this.reusable = reusable;
    }

    /** Whether the call's model is decoded into the array this reader was given (else the caller still owns it). */
    boolean tookReusable() {
        return download != null && download.decodesInto(reusable);
    }

    /** PullTask, with its answers read by this reader: a descriptor for one call. */
    MethodDescriptor<PullTaskRequest, TaskPart> descriptor() {
        var plain = FederationCoordinatorGrpc.getPullTaskMethod();
        return plain.toBuilder(plain.getRequestMarshaller(), this).build();
    }

    /** Throws IllegalArgumentException as soon as what arrived so far cannot become a valid model. */
    void refuseIfFailed() {
        if (download != null) {
            download.refuseIfFailed();
        }
    }

    /** The model the call delivered: complete and matching its digest, else IllegalArgumentException. */
    io.tumorboard.federation.weights.ModelWeights model() {
        if (download == null) {
            throw new IllegalArgumentException("no model header in the task stream");
        }
        return download.model();
    }

    @Override
    public InputStream stream(TaskPart value) {
        return WHOLE.stream(value);
    }

    @Override
    public TaskPart parse(InputStream in) {
        try {
            byte[] head = new byte[MAX_FRAMING];
            int total = in instanceof KnownLength ? in.available() : -1;
            int read = in.readNBytes(head, 0, Math.min(MAX_FRAMING, Math.max(total, 0)));
            int dataAt = ChunkFraming.dataOffset(head, read, total, TaskPart.CHUNK_FIELD_NUMBER);
            if (dataAt < 0) {
                return whole(head, read, in);
            }
            int dataBytes = total - dataAt;
            feed(ByteBuffer.wrap(head, dataAt, read - dataAt));
            for (int left = dataBytes - (read - dataAt); left > 0; ) {
                int n = in.readNBytes(staging, 0, Math.min(staging.length, left));
                if (n == 0) {
                    throw new InvalidProtocolBufferException("chunk shorter than its frame");
                }
                feed(ByteBuffer.wrap(staging, 0, n));
                left -= n;
            }
            return RECEIVED_CHUNK;
        } catch (IOException e) {
            throw Status.INTERNAL.withDescription("invalid protobuf byte sequence").withCause(e).asRuntimeException();
        }
    }

    /** Any other message: parsed as protobuf; a header with a model opens the download, a chunk feeds it. */
    private TaskPart whole(byte[] head, int read, InputStream rest) throws IOException {
        byte[] tail = rest.readAllBytes();
        byte[] all = java.util.Arrays.copyOf(head, read + tail.length);
        System.arraycopy(tail, 0, all, read, tail.length);
        TaskPart part = TaskPart.parseFrom(all);
        if (part.hasHeader() && part.getHeader().hasModel()) {
            if (download != null) {
                download.fail("a task stream has one model header, this one had more");
                return part;
            }
            try {
                download = ModelDownload.of(ProtoMapper.fromProto(part.getHeader().getModel()), reusable);
            } catch (IllegalArgumentException e) {
                download = ModelDownload.failed("malformed model header: " + e.getMessage());
            }
        } else if (part.hasChunk()) {
            feed(part.getChunk().getData().asReadOnlyByteBuffer());
            return RECEIVED_CHUNK;
        }
        return part;
    }

    private void feed(ByteBuffer piece) {
        if (download == null) {
            download = ModelDownload.failed("model chunk before its header");
        }
        download.accept(piece);
    }
}
