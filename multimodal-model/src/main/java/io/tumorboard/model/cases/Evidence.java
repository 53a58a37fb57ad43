package io.tumorboard.model.cases;

/**
 * One side of a flag: the value a source states, and the source.
 *
 * @param label what this value is, e.g. {@code clinical T}, {@code eGFR}, {@code planned procedure}
 * @param value the value as the source states it
 * @param source where it was stated (with its date)
 */
public record Evidence(String label, String value, SourceRef source) {
}
