package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.ExtractedFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a report's text into plain runs and fact runs at the facts' character spans. A span outside the text is
 * an error naming the report (a pipeline bug the board must hear about); overlapping spans keep the first fact's
 * run whole and clip the later one, so every character is shown exactly once.
 */
final class ReportHighlighter {

    private ReportHighlighter() {
    }

    static List<ReportSegment> segments(String reportId, String text, List<ExtractedFact> facts) {
        List<ExtractedFact> ordered = facts.stream()
                .sorted(Comparator.comparingInt(ExtractedFact::start).thenComparingInt(ExtractedFact::end)).toList();
        List<ReportSegment> segments = new ArrayList<>();
        int cursor = 0;
        for (ExtractedFact fact : ordered) {
            if (fact.start() < 0 || fact.end() > text.length() || fact.start() > fact.end()) {
                throw new IllegalStateException("report " + reportId + ": fact " + fact.field() + " has span ["
                        + fact.start() + ", " + fact.end() + ") outside the text of length " + text.length());
            }
            int start = Math.max(fact.start(), cursor);
            if (start >= fact.end()) {
                continue;
            }
            if (start > cursor) {
                segments.add(new ReportSegment(text.substring(cursor, start), null));
            }
            segments.add(new ReportSegment(text.substring(start, fact.end()), fact));
            cursor = fact.end();
        }
        if (cursor < text.length()) {
            segments.add(new ReportSegment(text.substring(cursor), null));
        }
        return segments;
    }
}
