package io.tumorboard.model.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a value came from: a FHIR resource ({@code Observation/obs-17}), a report document, a radiomics
 * table row, or a text span inside a report. The board shows it as the evidence link behind a value.
 *
 * @param kind what sort of source
 * @param reference the source's own identifier, e.g. {@code Observation/obs-17} or a file and line
 * @param date the clinically relevant date of the source (effective / issued date), may be null
 */
public record SourceRef(SourceKind kind, String reference, LocalDate date) {

    public SourceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
    }

    public static SourceRef fhir(String resourceTypeAndId, LocalDate date) {
        return new SourceRef(SourceKind.FHIR_RESOURCE, resourceTypeAndId, date);
    }

    /** The kinds of place a fact can come from. */
    public enum SourceKind {
        FHIR_RESOURCE,
        REPORT_TEXT,
        RADIOMICS_TABLE,
        DERIVED
    }
}
