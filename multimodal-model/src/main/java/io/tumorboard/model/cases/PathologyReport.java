package io.tumorboard.model.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A pathology report: its text as it arrived (OCR noise included) and the facts read from it.
 *
 * @param reportId identifier of the report at the site
 * @param date report (issued) date
 * @param text the report text
 * @param facts facts extracted from the text, each with its span
 * @param source the DiagnosticReport or text file it came from
 */
public record PathologyReport(
        String reportId,
        LocalDate date,
        String text,
        List<ExtractedFact> facts,
        SourceRef source) {

    public PathologyReport {
        text = text == null ? "" : text;
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
