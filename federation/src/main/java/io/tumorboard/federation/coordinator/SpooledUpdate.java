package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.weights.HeapBlocks;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.PayloadDecoder;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One site's update for one round, kept on disk exactly as it arrived (encoded payload), so the
 * coordinator's memory holds no whole update: validation and aggregation read it back in blocks.
 */
record SpooledUpdate(String site, SiteReport report, Path file, UpdateEncoding encoding, float[] scales) {

    /** A sequential reader of the decoded values, block by block. */
    Reader open(ModelLayout layout) throws IOException {
        return new Reader(FileChannel.open(file, StandardOpenOption.READ), new PayloadDecoder(layout, encoding, scales));
    }

    static final class Reader implements Closeable {
        private final FileChannel channel;
        private final PayloadDecoder decoder;
        private final ByteBuffer buf = ByteBuffer.allocate(HeapBlocks.BYTES);

        private Reader(FileChannel channel, PayloadDecoder decoder) {
            this.channel = channel;
            this.decoder = decoder;
            buf.limit(0);
        }

        /** Fills {@code out[0, n)} with the next {@code n} values; fails if the file ends first. */
        void next(float[] out, int n) throws IOException {
            int filled = 0;
            while (filled < n) {
                filled += decoder.decode(buf, out, filled, n - filled);
                if (filled < n) {
                    buf.compact();
                    int read = channel.read(buf);
                    buf.flip();
                    if (read < 0) {
                        throw new IOException("spooled update ended after " + decoder.decoded() + " values");
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
