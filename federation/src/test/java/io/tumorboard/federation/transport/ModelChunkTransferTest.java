package io.tumorboard.federation.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.KnownLength;
import io.grpc.protobuf.ProtoUtils;
import io.tumorboard.federation.v1.TaskHeader;
import io.tumorboard.federation.v1.TaskKind;
import io.tumorboard.federation.v1.TaskPart;
import io.tumorboard.federation.v1.WeightChunk;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model's way from the coordinator's floats to a site's checked copy, one PullTask message at a time. */
class ModelChunkTransferTest {

    private static final int VALUES = 10_000;

    private static float[] model() {
        float[] v = new float[VALUES];
        Random r = new Random(11);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static byte[] littleEndian(float[] v, int from, int count) {
        ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v, from, count);
        return b.array();
    }

    private static TaskPart header(float[] v) {
        ModelLayout layout = ModelLayout.flat("m", v.length);
        PayloadHeader h = PayloadHeader.of(new PayloadEncoder(layout, UpdateEncoding.FP32, new float[0]), layout, v);
        return TaskPart.newBuilder().setHeader(TaskHeader.newBuilder().setKind(TaskKind.TRAIN).setRound(1)
                .setTaskId("t").setModel(ProtoMapper.toProto(h))).build();
    }

    private static TaskPart plainChunk(byte[] bytes, int from, int to) {
        return TaskPart.newBuilder().setChunk(WeightChunk.newBuilder()
                .setData(ByteString.copyFrom(bytes, from, to - from))).build();
    }

    private static InputStream wire(TaskPart part) {
        return ProtoUtils.marshaller(TaskPart.getDefaultInstance()).stream(part);
    }

    /** What a site's transport hands the marshaller: a message of known length, read in odd-sized pieces. */
    private static InputStream received(byte[] message) {
        class Received extends ByteArrayInputStream implements KnownLength {
            Received() {
                super(message);
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 777));
            }
        }
        return new Received();
    }

    private static byte[] drained(OutgoingTaskPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((io.grpc.Drainable) new ModelChunkWriter().stream(part)).drainTo(out);
        return out.toByteArray();
    }

    @Test
    void aChunkOfFloatsIsWrittenAsTheProtobufEncodingOfTheirLittleEndianBytes() throws Exception {
        float[] v = model();
        byte[] expected = plainChunk(littleEndian(v, 100, 3000), 0, 12_000).toByteArray();

        InputStream stream = new ModelChunkWriter().stream(new OutgoingTaskPart.Floats(v, 100, 3000));

        assertThat(stream.available()).isEqualTo(expected.length);
        assertThat(drained(new OutgoingTaskPart.Floats(v, 100, 3000))).isEqualTo(expected);
        // The in-process transport reads the stream instead of draining it: the same bytes.
        assertThat(stream.readAllBytes()).isEqualTo(expected);
    }

    @Test
    void aSiteRebuildsAndChecksTheModelFromTheCoordinatorsChunks() throws Exception {
        float[] v = model();
        ModelChunkReader reader = new ModelChunkReader();

        TaskPart first = reader.parse(received(header(v).toByteArray()));
        List<TaskPart> rest = new ArrayList<>();
        for (int from = 0; from < VALUES; from += 4096) {
            var floats = new OutgoingTaskPart.Floats(v, from, Math.min(4096, VALUES - from));
            rest.add(reader.parse(received(drained(floats))));
        }

        assertThat(first.hasHeader()).isTrue();
        assertThat(rest).allMatch(p -> p == ModelChunkReader.RECEIVED_CHUNK);
        assertThat(reader.model().values()).isEqualTo(v);
    }

    @Test
    void aModelOfTheSameLengthIsDecodedIntoTheArrayTheSiteGaveBackAndOverwritesAllOfIt() throws Exception {
        float[] v = model();
        float[] previous = new float[VALUES];
        java.util.Arrays.fill(previous, Float.NaN);
        ModelChunkReader reader = new ModelChunkReader(previous);

        reader.parse(received(header(v).toByteArray()));
        for (int from = 0; from < VALUES; from += 4096) {
            reader.parse(received(drained(new OutgoingTaskPart.Floats(v, from, Math.min(4096, VALUES - from)))));
        }

        assertThat(reader.tookReusable()).isTrue();
        assertThat(reader.model().values()).isSameAs(previous).isEqualTo(v);
    }

    @Test
    void anArrayOfAnotherLengthIsLeftToTheCallerAndTheModelGetsAFreshOne() throws Exception {
        float[] v = model();
        float[] other = new float[VALUES - 1];
        ModelChunkReader reader = new ModelChunkReader(other);

        reader.parse(received(header(v).toByteArray()));
        reader.parse(received(drained(new OutgoingTaskPart.Floats(v, 0, VALUES))));

        assertThat(reader.tookReusable()).isFalse();
        assertThat(reader.model().values()).isNotSameAs(other).isEqualTo(v);
        assertThat(other).containsOnly(0f);
    }

    @Test
    void chunksThatSplitValuesAnywhereStillDecodeToTheSameModel() {
        float[] v = model();
        byte[] payload = littleEndian(v, 0, VALUES);
        ModelChunkReader reader = new ModelChunkReader();
        reader.parse(wire(header(v)));

        for (int from = 0; from < payload.length; from += 1001) {
            reader.parse(wire(plainChunk(payload, from, Math.min(payload.length, from + 1001))));
        }

        assertThat(reader.model().values()).isEqualTo(v);
    }

    @Test
    void aModelWhoseBytesDoNotMatchTheDigestIsRefused() {
        float[] v = model();
        byte[] payload = littleEndian(v, 0, VALUES);
        ModelChunkReader reader = new ModelChunkReader();
        reader.parse(wire(header(v)));
        payload[123] ^= 1;

        reader.parse(received(plainChunk(payload, 0, payload.length).toByteArray()));

        assertThatThrownBy(reader::model).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digest");
    }

    @Test
    void aStreamLongerThanItsHeaderSaysIsRefused() {
        float[] v = model();
        byte[] payload = littleEndian(v, 0, VALUES);
        ModelChunkReader reader = new ModelChunkReader();
        reader.parse(wire(header(v)));

        reader.parse(wire(plainChunk(payload, 0, payload.length)));
        reader.refuseIfFailed();
        reader.parse(wire(plainChunk(payload, 0, 4)));

        // Refused as soon as the extra bytes arrive, not only once the stream has ended.
        assertThatThrownBy(reader::refuseIfFailed).hasMessageContaining("longer than its header");
        assertThatThrownBy(reader::model).hasMessageContaining("longer than its header");
    }

    @Test
    void aStreamThatStopsShortIsRefused() {
        float[] v = model();
        byte[] payload = littleEndian(v, 0, VALUES);
        ModelChunkReader reader = new ModelChunkReader();
        reader.parse(wire(header(v)));

        reader.parse(wire(plainChunk(payload, 0, payload.length - 4)));

        assertThatThrownBy(reader::model).hasMessageContaining("incomplete");
    }

    @Test
    void aChunkBeforeTheHeaderIsRefusedEvenIfAHeaderFollows() {
        float[] v = model();
        ModelChunkReader reader = new ModelChunkReader();

        reader.parse(wire(plainChunk(littleEndian(v, 0, 4), 0, 16)));
        reader.parse(wire(header(v)));

        assertThatThrownBy(reader::model).hasMessageContaining("before its header");
    }

    @Test
    void aSecondModelHeaderInOneStreamIsRefused() {
        float[] v = model();
        byte[] payload = littleEndian(v, 0, VALUES);
        ModelChunkReader reader = new ModelChunkReader();
        reader.parse(wire(header(v)));
        reader.parse(wire(plainChunk(payload, 0, payload.length)));

        reader.parse(wire(header(v)));

        assertThatThrownBy(reader::model).hasMessageContaining("one model header");
    }
}
