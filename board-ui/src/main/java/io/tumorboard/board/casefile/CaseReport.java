package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.SourceRef;
import java.time.LocalDate;
import java.util.List;

/**
 * A pathology or radiology report ready to show: its segments with the facts highlighted.
 *
 * @param anchor element id on the case page (evidence links point here)
 * @param kind {@code pathology} or {@code radiology}
 * @param reportId the report's id
 * @param date report date
 * @param segments text runs, plain or fact evidence
 * @param facts the facts in span order
 * @param source the source the report came from
 */
public record CaseReport(String anchor, String kind, String reportId, LocalDate date, List<ReportSegment> segments,
        List<ExtractedFact> facts, SourceRef source) {
}
