package io.tumorboard.federation.coordinator;

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

    private static final int BLOCK = 1 << 18; // values per I/O block (1 MiB of fp32)

    private WeightsFile() {
    }

    public static void write(Path file, float[] values) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ByteBuffer buf = ByteBuffer.allocate(BLOCK * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (int i = 0; i < values.length; i += BLOCK) {
                buf.clear();
                int n = Math.min(BLOCK, values.length - i);
                buf.asFloatBuffer().put(values, i, n);
                buf.limit(n * 4);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
