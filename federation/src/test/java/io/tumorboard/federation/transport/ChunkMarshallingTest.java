package io.tumorboard.federation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.tumorboard.federation.v1.ResultPart;
import io.tumorboard.federation.v1.WeightChunk;
import java.nio.ByteBuffer;
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
    void aReceivedChunkIsReadInPlaceThroughAnArrayBackedView() {
        var marshaller = ChunkMarshalling.PUSHED_PARTS;
        ResultPart received = marshaller.parse(marshaller.stream(ResultPart.newBuilder()
                .setChunk(WeightChunk.newBuilder().setData(ByteString.copyFrom(randomBytes(1000)))).build()));

        ByteBuffer view = ChunkMarshalling.view(received.getChunk().getData());

        // An array-backed buffer is what MessageDigest and the decoder read without staging copies.
        assertThat(view.hasArray()).isTrue();
        byte[] read = new byte[view.remaining()];
        view.get(read);
        assertThat(read).isEqualTo(randomBytes(1000));
    }

    @Test
    void aChunkMadeOfSeveralPiecesIsViewedWhole() {
        ByteString pieces = ByteString.copyFrom(randomBytes(10)).concat(ByteString.copyFrom(new byte[] {1, 2, 3}));

        ByteBuffer view = ChunkMarshalling.view(pieces);

        assertThat(view.remaining()).isEqualTo(13);
        assertThat(view.get(10)).isEqualTo((byte) 1);
    }
}
