package io.tumorboard.pipeline.ingest;

import io.tumorboard.model.cases.SourceRef;

/**
 * A coded or small integer observation value (ECOG, smoking status) with its source.
 *
 * @param value the normalised value: the ECOG grade {@code 0}-{@code 5}, or a {@code SmokingStatus} name
 * @param quantity a number that comes with it, e.g. pack-years with a smoking status; null when none
 * @param source the Observation
 */
public record CodedValue(String value, Double quantity, SourceRef source) {
}
