package io.tumorboard.pipeline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Counts the records of an export before a run, so the progress bar knows its end. */
final class ExportSize {

    private ExportSize() {
    }

    static long records(Path siteFolder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(siteFolder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        }
        long total = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".txt")) {
                total++;
            } else {
                long lines = lines(file);
                total += name.endsWith(".csv") ? Math.max(0, lines - 1) : lines;
            }
        }
        return total;
    }

    private static long lines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
