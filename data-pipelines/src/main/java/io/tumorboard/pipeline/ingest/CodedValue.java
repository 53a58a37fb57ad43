package io.tumorboard.pipeline.ingest;

import io.tumorboard.model.cases.SourceRef;

/**
 * A coded or small integer observation value (ECOG, smoking status) with its source.
 *
 * @param value the normalised value: the ECOG grade {@code 0}-{@code 5}, or a {@code SmokingStatus} name
 * @param source the Observation
 */
public record CodedValue(String value, SourceRef source) {
}
