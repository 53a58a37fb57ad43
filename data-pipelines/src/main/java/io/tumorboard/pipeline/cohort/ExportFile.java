package io.tumorboard.pipeline.cohort;

import java.util.ArrayList;
import java.util.List;

/**
 * One exported file as lines of bytes, each knowing whether it was written malformed on purpose. Line numbers
 * are only known once every malformed line is in place, so they are computed at writing time.
 */
final class ExportFile {

    private final String relativePath;
    private final List<Line> lines = new ArrayList<>();

    ExportFile(String relativePath) {
        this.relativePath = relativePath;
    }

    String relativePath() {
        return relativePath;
    }

    List<Line> lines() {
        return lines;
    }

    void add(byte[] bytes) {
        lines.add(new Line(bytes, null, null));
    }

    /**
     * One line.
     *
     * @param bytes the line's bytes, without the line feed
     * @param kind the kind of malformation, null when well-formed
     * @param reason why a reader must reject it, null when well-formed
     */
    record Line(byte[] bytes, MalformedKind kind, String reason) {
    }
}
