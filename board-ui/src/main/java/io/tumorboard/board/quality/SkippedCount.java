package io.tumorboard.board.quality;

/** Records of one run skipped for one reason (e.g. an unknown FHIR resource type). */
public record SkippedCount(String runId, String reason, long count) {
}
