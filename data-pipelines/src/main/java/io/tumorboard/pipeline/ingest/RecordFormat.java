package io.tumorboard.pipeline.ingest;

import java.util.Locale;

/** The export layout's file kinds: {@code fhir/*.ndjson}, {@code radiomics/*.csv}, {@code reports/*.txt}. */
public enum RecordFormat {
    /** One FHIR R4 resource per line (FHIR Bulk Data NDJSON). */
    FHIR_NDJSON,
    /** One pyradiomics feature row per line, behind a header line. */
    RADIOMICS_CSV,
    /** A whole plain-text report, named {@code <MRN>__<yyyy-mm-dd>__<kind>.txt}. */
    REPORT_TEXT,
    /** Anything else found in the export folder: counted and skipped. */
    OTHER;

    public static RecordFormat of(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson")) {
            return FHIR_NDJSON;
        }
        if (name.endsWith(".csv")) {
            return RADIOMICS_CSV;
        }
        if (name.endsWith(".txt")) {
            return REPORT_TEXT;
        }
        return OTHER;
    }
}
