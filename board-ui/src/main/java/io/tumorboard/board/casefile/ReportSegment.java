package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.ExtractedFact;

/**
 * A run of report text, either plain or the evidence of one extracted fact. The template writes {@code text}
 * escaped, so report text can never inject markup.
 *
 * @param text the characters of this run
 * @param fact the fact this run is evidence for, null for plain text
 */
public record ReportSegment(String text, ExtractedFact fact) {

    public boolean highlighted() {
        return fact != null;
    }
}
