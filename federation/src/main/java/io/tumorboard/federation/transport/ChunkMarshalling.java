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
import io.grpc.stub.ServerCalls;
import io.grpc.protobuf.ProtoUtils;
import io.tumorboard.federation.v1.FederationCoordinatorGrpc;
import io.tumorboard.federation.v1.ResultPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Weight chunks without needless copies, and the coordinator's service bound with the marshallers that avoid
 * them. gRPC's stock protobuf marshaller reads each message into a reused array and then copies every
 * {@code bytes} field out of it; the update stream a coordinator receives instead reads each message into an
 * array of its own and lets the chunk's bytes share it. A pushing site wraps the array it encoded each chunk into
 * ({@link #wrap}), and the coordinator reads the shared array in place ({@link #view}). The model stream a site
 * pulls goes further: no array per chunk on either end ({@link ModelChunkWriter}, {@link ModelChunkReader}).
 * Profiling a 64 MB pull showed the copies, fresh arrays and the digest's 4 KiB staging copies of read-only
 * buffers among the largest Java-side costs.
 */
final class ChunkMarshalling {

    /** PushResult's parts, parsed with their chunk bytes sharing each message's own array (the coordinator's side). */
    static final MethodDescriptor.Marshaller<ResultPart> PUSHED_PARTS = new Sharing<>(ResultPart.getDefaultInstance());

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
     * A buffer over a chunk's bytes, sharing the array behind them when there is one (the received case), so
     * that digests and decoders read it in place. The buffer must only be read.
     */
    static ByteBuffer view(ByteString data) {
        ByteBuffer[] single = new ByteBuffer[1];
        int[] segments = new int[1];
        try {
            UnsafeByteOperations.unsafeWriteTo(data, new ByteOutput() {
                @Override
                public void write(byte value) {
                    segments[0] += 2; // never a single backing array
                }

                @Override
                public void write(byte[] value, int offset, int length) {
                    writeLazy(value, offset, length);
                }

                @Override
                public void writeLazy(byte[] value, int offset, int length) {
                    single[0] = ByteBuffer.wrap(value, offset, length);
                    segments[0]++;
                }

                @Override
                public void write(ByteBuffer value) {
                    segments[0] += 2;
                }

                @Override
                public void writeLazy(ByteBuffer value) {
                    segments[0] += 2;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("writing a ByteString to memory cannot fail", e);
        }
        return segments[0] == 1 ? single[0] : ByteBuffer.wrap(data.toByteArray());
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
