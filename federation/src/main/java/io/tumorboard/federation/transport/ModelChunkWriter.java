package io.tumorboard.federation.transport;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.tumorboard.federation.v1.TaskPart;
import io.tumorboard.federation.v1.WeightChunk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The coordinator's marshaller for PullTask answers. A model chunk is written by gRPC's framer draining
 * {@link FloatChunk}: the protobuf framing of {@code TaskPart{chunk: WeightChunk{data}}}, then the floats,
 * encoded little-endian through a small staging array straight into the framer's stream (which copies them
 * into Netty's pooled buffers). Before, each 1 MiB chunk was first encoded into a fresh heap buffer, zeroed and
 * soon garbage, and then copied again; that allocation churn (memset, young collections) led the profile of a
 * 64 MB pull. The bytes on the wire are exactly protobuf's, so sites parse them with any protobuf parser.
 */
final class ModelChunkWriter implements MethodDescriptor.Marshaller<OutgoingTaskPart> {

    /** Bytes encoded per write into the framer: small enough to stay in cache, large enough to amortize calls. */
    static final int STAGING_BYTES = 64 << 10;

    private static final MethodDescriptor.Marshaller<TaskPart> WHOLE = ProtoUtils.marshaller(TaskPart.getDefaultInstance());

    @Override
    public InputStream stream(OutgoingTaskPart value) {
        if (value instanceof OutgoingTaskPart.Whole w) {
            return WHOLE.stream(w.part());
        }
        OutgoingTaskPart.Floats f = (OutgoingTaskPart.Floats) value;
        return new FloatChunk(f.values(), f.from(), f.count());
    }

    /** Not used by the coordinator, which only sends these; kept exact so the descriptor is a real marshaller. */
    @Override
    public OutgoingTaskPart parse(InputStream stream) {
        return new OutgoingTaskPart.Whole(WHOLE.parse(stream));
    }

    /**
     * A chunk message over the model's own array. Draining it (what gRPC's framer does with a {@link Drainable})
     * is the fast path; reading it byte-wise (the in-process transport hands the stream to the receiver as is)
     * encodes the whole message once into an array and reads from that.
     */
    static final class FloatChunk extends InputStream implements Drainable, KnownLength {
        private final float[] values;
        private final int from;
        private final int count;
        private final byte[] framing;
        private final int length;
        private InputStream materialized;
        private boolean drained;

        FloatChunk(float[] values, int from, int count) {
            this.values = values;
            this.from = from;
            this.count = count;
            int dataBytes = 4 * count;
            int chunkBytes = CodedOutputStream.computeTagSize(WeightChunk.DATA_FIELD_NUMBER)
                    + CodedOutputStream.computeUInt32SizeNoTag(dataBytes) + dataBytes;
            framing = new byte[CodedOutputStream.computeTagSize(TaskPart.CHUNK_FIELD_NUMBER)
                    + CodedOutputStream.computeUInt32SizeNoTag(chunkBytes) + chunkBytes - dataBytes];
            CodedOutputStream out = CodedOutputStream.newInstance(framing);
            try {
                out.writeTag(TaskPart.CHUNK_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(chunkBytes);
                out.writeTag(WeightChunk.DATA_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(dataBytes);
                out.checkNoSpaceLeft();
            } catch (IOException e) {
                throw new IllegalStateException("the framing array is sized for exactly these fields", e);
            }
            length = framing.length + dataBytes;
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            if (drained || materialized != null) {
                throw Status.INTERNAL.withDescription("a chunk message is written once").asRuntimeException();
            }
            drained = true;
            target.write(framing);
            byte[] staging = new byte[Math.min(STAGING_BYTES, 4 * count)];
            encodeTo(target, staging);
            return length;
        }

        private void encodeTo(OutputStream target, byte[] staging) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(staging).order(ByteOrder.LITTLE_ENDIAN);
            int perWrite = staging.length / 4;
            for (int i = from, end = from + count; i < end; i += perWrite) {
                int n = Math.min(perWrite, end - i);
                buf.clear();
                buf.asFloatBuffer().put(values, i, n);
                target.write(staging, 0, 4 * n);
            }
        }

        @Override
        public int available() throws IOException {
            if (drained) {
                return 0;
            }
            return materialized == null ? length : materialized.available();
        }

        @Override
        public int read() throws IOException {
            return materialized().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return materialized().read(b, off, len);
        }

        private InputStream materialized() throws IOException {
            if (materialized == null) {
                if (drained) {
                    return InputStream.nullInputStream();
                }
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(length);
                all.write(framing);
                encodeTo(all, new byte[Math.min(STAGING_BYTES, Math.max(4, 4 * count))]);
                materialized = new ByteArrayInputStream(all.toByteArray());
            }
            return materialized;
        }
    }
}
