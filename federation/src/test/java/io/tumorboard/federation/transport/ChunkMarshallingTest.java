package io.tumorboard.federation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.tumorboard.federation.v1.ResultHeader;
import io.tumorboard.federation.v1.ResultPart;
import io.tumorboard.federation.v1.WeightChunk;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkMarshallingTest {

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    @Test
    void aPushedChunkArrivesWithItsBytesIntact() {
        byte[] payload = randomBytes(300_000);
        ResultPart sent = ResultPart.newBuilder()
                .setChunk(WeightChunk.newBuilder().setData(ChunkMarshalling.wrap(ByteBuffer.wrap(payload)))).build();
        var marshaller = ChunkMarshalling.PUSHED_PARTS;

        ResultPart received = marshaller.parse(marshaller.stream(sent));

        assertThat(received).isEqualTo(sent);
        assertThat(received.getChunk().getData().toByteArray()).isEqualTo(payload);
    }

    @Test
    void aReceivedChunkIsReadInPlaceThroughArrayBackedPiecesSmallEnoughNotToBeHumongous() {
        byte[] payload = randomBytes((1 << 20) + 5);
        var marshaller = ChunkMarshalling.PUSHED_PARTS;
        ResultPart received = marshaller.parse(marshaller.stream(ResultPart.newBuilder()
                .setChunk(WeightChunk.newBuilder().setData(ByteString.copyFrom(payload))).build()));

        List<ByteBuffer> views = ChunkMarshalling.views(received.getChunk().getData());

        // Array-backed buffers are what MessageDigest and the decoder read without staging copies.
        assertThat(views).hasSize(5).allSatisfy(v -> {
            assertThat(v.hasArray()).isTrue();
            assertThat(v.remaining()).isLessThanOrEqualTo(ChunkMarshalling.PIECE_BYTES);
        });
        ByteBuffer joined = ByteBuffer.allocate(payload.length);
        views.forEach(joined::put);
        assertThat(joined.array()).isEqualTo(payload);
    }

    @Test
    void aPartThatIsNotAChunkIsParsedWhole() {
        ResultPart header = ResultPart.newBuilder().setHeader(ResultHeader.newBuilder().setRunId("run-1").setRound(3)
                .setTaskId("t-9")).build();
        var marshaller = ChunkMarshalling.PUSHED_PARTS;

        assertThat(marshaller.parse(marshaller.stream(header))).isEqualTo(header);
        assertThat(marshaller.parse(marshaller.stream(ResultPart.getDefaultInstance())))
                .isEqualTo(ResultPart.getDefaultInstance());
    }

    @Test
    void aChunkMadeOfSeveralPiecesIsViewedPieceByPiece() {
        byte[] second = new byte[300];
        second[0] = 1;
        // Pieces this long are joined as a rope (protobuf copies short ones into one array).
        ByteString pieces = ByteString.copyFrom(randomBytes(200)).concat(ByteString.copyFrom(second));

        List<ByteBuffer> views = ChunkMarshalling.views(pieces);

        assertThat(views).extracting(ByteBuffer::remaining).containsExactly(200, 300);
        assertThat(views.get(1).get(views.get(1).position())).isEqualTo((byte) 1);
    }

    @Test
    void aChunkOverBuffersWithoutArraysIsCopiedOnce() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {9, 8, 7, 6}).flip();

        List<ByteBuffer> views = ChunkMarshalling.views(UnsafeByteOperations.unsafeWrap(direct));

        assertThat(views).singleElement().satisfies(v -> {
            assertThat(v.hasArray()).isTrue();
            assertThat(v.remaining()).isEqualTo(4);
        });
    }
}
