package io.tumorboard.federation.transport;

import com.google.protobuf.ByteOutput;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.tumorboard.federation.v1.FederationCoordinatorGrpc;
import io.tumorboard.federation.v1.ResultPart;
import io.tumorboard.federation.v1.WeightChunk;
import io.tumorboard.federation.weights.HeapBlocks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Weight chunks without needless copies, and the coordinator's service bound with the marshallers that avoid
 * them. gRPC's stock protobuf marshaller reads each message into a reused array and then copies every
 * {@code bytes} field out of it; the update stream a coordinator receives instead reads each chunk's bytes into
 * pieces of {@value #PIECE_BYTES} bytes at most that the chunk then shares, and any other message into an array
 * of its own. A pushing site wraps the array it encoded each chunk into ({@link #wrap}), and the coordinator
 * reads the shared pieces in place ({@link #views}). The pieces are small for the heap's sake: a 1 MiB chunk read
 * into one array is a G1 humongous object (two whole regions in heaps up to 2 GB), and a few in flight at once
 * were most of what a coordinator held beyond the model while it took an update in. The model stream a site
 * pulls goes further: no array per chunk on either end ({@link ModelChunkWriter}, {@link ModelChunkReader}).
 * Profiling a 64 MB pull showed the copies, fresh arrays and the digest's 4 KiB staging copies of read-only
 * buffers among the largest Java-side costs.
 */
final class ChunkMarshalling {

    /** PushResult's parts, their chunk bytes sharing the pieces they were read into (the coordinator's side). */
    static final MethodDescriptor.Marshaller<ResultPart> PUSHED_PARTS = new PushedParts();

    /** Largest piece a received chunk is read into. */
    static final int PIECE_BYTES = HeapBlocks.BYTES;

    private ChunkMarshalling() {
    }

    /**
     * The coordinator's service as gRPC serves it: PushResult's parts parsed with {@link #PUSHED_PARTS}, and
     * PullTask answered through {@link ModelChunkWriter}, which writes the model's chunks from its floats.
     */
    @SuppressWarnings("unchecked")
    static ServerServiceDefinition bind(CoordinatorService service) {
        ServerServiceDefinition plain = service.bindService();
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(plain.getServiceDescriptor().getName());
        String push = FederationCoordinatorGrpc.getPushResultMethod().getFullMethodName();
        String pull = FederationCoordinatorGrpc.getPullTaskMethod().getFullMethodName();
        for (ServerMethodDefinition<?, ?> m : plain.getMethods()) {
            String name = m.getMethodDescriptor().getFullMethodName();
            if (name.equals(push)) {
                var def = (ServerMethodDefinition<ResultPart, io.tumorboard.federation.v1.ResultReceipt>) m;
                b.addMethod(def.getMethodDescriptor().toBuilder(PUSHED_PARTS,
                        def.getMethodDescriptor().getResponseMarshaller()).build(), def.getServerCallHandler());
            } else if (name.equals(pull)) {
                var descriptor = FederationCoordinatorGrpc.getPullTaskMethod();
                b.addMethod(descriptor.toBuilder(descriptor.getRequestMarshaller(), new ModelChunkWriter()).build(),
                        ServerCalls.asyncServerStreamingCall(service::pullTaskParts));
            } else {
                b.addMethod(m);
            }
        }
        return b.build();
    }

    /** Chunk bytes that share {@code encoded}'s array; the caller must not touch that buffer afterwards. */
    static ByteString wrap(ByteBuffer encoded) {
        return UnsafeByteOperations.unsafeWrap(encoded);
    }

    /**
     * Buffers over a chunk's bytes, in order, sharing the arrays behind them where there are any (the received
     * case), so that digests and decoders read them in place. The buffers must only be read.
     */
    static List<ByteBuffer> views(ByteString data) {
        List<ByteBuffer> pieces = new ArrayList<>();
        boolean[] notArrays = {false};
        try {
            UnsafeByteOperations.unsafeWriteTo(data, new ByteOutput() {
                @Override
                public void write(byte value) {
                    notArrays[0] = true;
                }

                @Override
                public void write(byte[] value, int offset, int length) {
                    writeLazy(value, offset, length);
                }

                @Override
                public void writeLazy(byte[] value, int offset, int length) {
                    pieces.add(ByteBuffer.wrap(value, offset, length));
                }

                @Override
                public void write(ByteBuffer value) {
                    notArrays[0] = true;
                }

                @Override
                public void writeLazy(ByteBuffer value) {
                    notArrays[0] = true;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("writing a ByteString to memory cannot fail", e);
        }
        return notArrays[0] ? List.of(ByteBuffer.wrap(data.toByteArray())) : pieces;
    }

    /**
     * ResultPart: a chunk's bytes are read straight into pieces of at most {@link #PIECE_BYTES}, which the
     * parsed chunk shares (no protobuf parse, no copy); any other part is parsed from an array of its own.
     */
    private static final class PushedParts implements MethodDescriptor.Marshaller<ResultPart> {
        private final Sharing<ResultPart> whole = new Sharing<>(ResultPart.getDefaultInstance());

        @Override
        public InputStream stream(ResultPart value) {
            return whole.stream(value);
        }

        @Override
        public ResultPart parse(InputStream in) {
            try {
                if (!(in instanceof KnownLength)) {
                    return whole.parse(in);
                }
                int total = in.available();
                byte[] head = new byte[ChunkFraming.MAX_FRAMING];
                int read = in.readNBytes(head, 0, Math.min(head.length, total));
                int dataAt = ChunkFraming.dataOffset(head, read, total, ResultPart.CHUNK_FIELD_NUMBER);
                if (dataAt < 0) {
                    return whole.parse(new SequenceInputStream(new ByteArrayInputStream(head, 0, read), in));
                }
                ByteString data = pieces(head, dataAt, read, total - dataAt, in);
                if (in.read() != -1) {
                    throw new InvalidProtocolBufferException("message length differs from its frame");
                }
                return ResultPart.newBuilder().setChunk(WeightChunk.newBuilder().setData(data)).build();
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("invalid protobuf byte sequence").withCause(e)
                        .asRuntimeException();
            }
        }

        /** {@code dataBytes} bytes, the first of them in {@code head[dataAt, read)}, the rest from {@code in}. */
        private static ByteString pieces(byte[] head, int dataAt, int read, int dataBytes, InputStream in)
                throws IOException {
            List<ByteString> pieces = new ArrayList<>();
            int inHead = read - dataAt;
            for (int done = 0; done < dataBytes; ) {
                byte[] piece = new byte[Math.min(PIECE_BYTES, dataBytes - done)];
                int from = 0;
                if (done == 0) {
                    System.arraycopy(head, dataAt, piece, 0, inHead);
                    from = inHead;
                }
                if (in.readNBytes(piece, from, piece.length - from) != piece.length - from) {
                    throw new InvalidProtocolBufferException("chunk shorter than its frame");
                }
                pieces.add(UnsafeByteOperations.unsafeWrap(piece));
                done += piece.length;
            }
            return ByteString.copyFrom(pieces);
        }
    }

    /** Parses each message from an array of its own, with {@code bytes} fields sharing that array. */
    private static final class Sharing<T extends Message> implements MethodDescriptor.Marshaller<T> {
        private final MethodDescriptor.Marshaller<T> plain;
        private final Parser<T> parser;

        @SuppressWarnings("unchecked")
        Sharing(T prototype) {
            this.plain = ProtoUtils.marshaller(prototype);
            this.parser = (Parser<T>) prototype.getParserForType();
        }

        @Override
        public InputStream stream(T value) {
            return plain.stream(value);
        }

        @Override
        public T parse(InputStream in) {
            try {
                byte[] bytes;
                if (in instanceof KnownLength) {
                    bytes = new byte[in.available()];
                    int n = in.readNBytes(bytes, 0, bytes.length);
                    if (n != bytes.length || in.read() != -1) {
                        throw new InvalidProtocolBufferException("message length differs from its frame");
                    }
                } else {
                    bytes = in.readAllBytes();
                }
                CodedInputStream coded = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
                coded.enableAliasing(true);
                T message = parser.parseFrom(coded);
                coded.checkLastTagWas(0);
                return message;
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("invalid protobuf byte sequence").withCause(e)
                        .asRuntimeException();
            }
        }
    }
}
