package io.tumorboard.pipeline.ingest;

/**
 * One record as it came out of an export file, before anything is decoded.
 *
 * @param file path relative to the site's export folder, e.g. {@code fhir/Observation.ndjson}
 * @param line 1-based line number (1 for a whole-file record such as a text report)
 * @param bytes the record's raw bytes, without the line terminator
 * @param header for a CSV row, the file's header line (raw bytes); empty otherwise
 * @param readAtMillis wall-clock time the record was read, for latency figures (ms since epoch)
 */
public record RawRecord(String file, long line, byte[] bytes, byte[] header, long readAtMillis) {

    /** Which reader understands the record, by the file's place in the export layout. */
    public RecordFormat format() {
        return RecordFormat.of(file);
    }
}
