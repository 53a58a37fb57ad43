package io.tumorboard.pipeline.source;

import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;

/**
 * Reads one export file in batches of records. Lines are split on LF with a trailing CR dropped; bytes are kept
 * as they are, so invalid UTF-8 reaches the decoder (and the dead letters) untouched.
 */
final class ExportFileReader implements BulkFormat.Reader<RawRecord> {

    private static final int BATCH = 256;

    private final InputStream in;
    private final String file;
    private final RecordFormat format;
    private byte[] header = new byte[0];
    private long line;
    private long emitted;
    private boolean done;

    ExportFileReader(FileSourceSplit split, String file, RecordFormat format, long alreadyEmitted) throws IOException {
        this.in = new BufferedInputStream(split.path().getFileSystem().open(split.path()), 1 << 16);
        this.file = file;
        this.format = format;
        if (format == RecordFormat.RADIOMICS_CSV) {
            byte[] first = nextLine();
            header = first == null ? new byte[0] : first;
        }
        for (long skip = 0; skip < alreadyEmitted; skip++) {
            if (format == RecordFormat.REPORT_TEXT ? wholeFile() == null : nextLine() == null) {
                break;
            }
        }
        emitted = alreadyEmitted;
    }

    @Override
    public BulkFormat.RecordIterator<RawRecord> readBatch() throws IOException {
        if (done) {
            return null;
        }
        long firstPosition = emitted;
        List<RawRecord> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH) {
            byte[] bytes = format == RecordFormat.REPORT_TEXT ? wholeFile() : nextLine();
            if (bytes == null) {
                done = true;
                break;
            }
            batch.add(new RawRecord(file, line, bytes, header, System.currentTimeMillis()));
        }
        emitted += batch.size();
        if (batch.isEmpty()) {
            return null;
        }
        return new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, firstPosition);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private byte[] wholeFile() throws IOException {
        if (line > 0) {
            return null;
        }
        line = 1;
        return in.readAllBytes();
    }

    private byte[] nextLine() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            buffer.write(b);
            b = in.read();
        }
        line++;
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
    }
}
