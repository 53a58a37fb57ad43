package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.weights.HeapBlocks;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A float vector on disk as raw little-endian fp32, written to a temporary file, forced to the device and
 * renamed into place, so a reader sees either the old file or the whole new one, never half of it.
 */
public final class WeightsFile {

    /** Values per I/O block (fp32). */
    private static final int BLOCK = HeapBlocks.BYTES / Float.BYTES;

    private WeightsFile() {
    }

    public static void write(Path file, float[] values) throws IOException {
        try (Writer out = Writer.open(file)) {
            out.write(values, 0, values.length);
            out.commit();
        }
    }

    /**
     * A weights file written in pieces, so that a model can be produced block by block without ever being
     * whole in memory. Nothing appears under the file's name until {@link #commit()}; closing an uncommitted
     * writer deletes what it wrote.
     */
    public static final class Writer implements Closeable {
        private final Path file;
        private final Path tmp;
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(BLOCK * 4).order(ByteOrder.LITTLE_ENDIAN);
        private boolean committed;

        private Writer(Path file, Path tmp, FileChannel channel) {
            this.file = file;
            this.tmp = tmp;
            this.channel = channel;
        }

        public static Writer open(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            return new Writer(file, tmp, FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        }

        /** Appends {@code values[from, from+n)}. */
        public void write(float[] values, int from, int n) throws IOException {
            for (int i = 0; i < n; i += BLOCK) {
                int m = Math.min(BLOCK, n - i);
                buf.clear();
                buf.asFloatBuffer().put(values, from + i, m);
                buf.limit(m * 4);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        }

        /** Forces what was written to the device, then renames it into place atomically. */
        public void commit() throws IOException {
            channel.force(true);
            channel.close();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                channel.close();
                Files.deleteIfExists(tmp);
            }
        }
    }

    public static float[] read(Path file, int size) throws IOException {
        long bytes = Files.size(file);
        if (bytes != 4L * size) {
            throw new IOException("weights file " + file + " holds " + bytes + " bytes, expected " + 4L * size);
        }
        float[] out = new float[size];
        ByteBuffer buf = ByteBuffer.allocate(BLOCK * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int i = 0;
            while (i < size) {
                buf.clear();
                buf.limit(Math.min(BLOCK, size - i) * 4);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) {
                        throw new IOException("weights file " + file + " ended early");
                    }
                }
                buf.flip();
                int n = buf.remaining() / 4;
                buf.asFloatBuffer().get(out, i, n);
                i += n;
            }
        }
        return out;
    }
}
