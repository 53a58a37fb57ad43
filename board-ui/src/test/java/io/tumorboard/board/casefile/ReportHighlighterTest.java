package io.tumorboard.board.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportHighlighterTest {

    private static final String TEXT = "Invasive adenocarcinoma, 3.4 cm. pT2a pN2.";

    @Test
    void everyCharacterAppearsOnceAndFactsCoverExactlyTheirSpans() {
        ExtractedFact histology = new ExtractedFact(ReportField.HISTOLOGY, "Adenocarcinoma", 0, 23, false);
        ExtractedFact t = new ExtractedFact(ReportField.PATHOLOGICAL_T, "T2a", 33, 37, false);
        List<ReportSegment> segments = ReportHighlighter.segments("R1", TEXT, List.of(t, histology));

        assertThat(segments).extracting(ReportSegment::text).containsExactly(
                "Invasive adenocarcinoma", ", 3.4 cm. ", "pT2a", " pN2.");
        assertThat(segments.get(0).fact()).isEqualTo(histology);
        assertThat(segments.get(2).fact()).isEqualTo(t);
        assertThat(String.join("", segments.stream().map(ReportSegment::text).toList())).isEqualTo(TEXT);
    }

    @Test
    void overlappingSpansAreClippedSoNoTextIsRepeated() {
        ExtractedFact wide = new ExtractedFact(ReportField.PATHOLOGICAL_T, "T2a", 33, 42, false);
        ExtractedFact inner = new ExtractedFact(ReportField.PATHOLOGICAL_N, "N2", 38, 41, false);
        List<ReportSegment> segments = ReportHighlighter.segments("R1", TEXT, List.of(wide, inner));

        assertThat(String.join("", segments.stream().map(ReportSegment::text).toList())).isEqualTo(TEXT);
    }

    @Test
    void aSpanOutsideTheTextIsAnErrorNamingTheReport() {
        ExtractedFact broken = new ExtractedFact(ReportField.GRADE, "G2", 40, 99, false);
        assertThatThrownBy(() -> ReportHighlighter.segments("PATH-7", TEXT, List.of(broken)))
                .hasMessageContaining("PATH-7").hasMessageContaining("outside the text");
    }

    @Test
    void aReportWithoutFactsIsOnePlainSegment() {
        assertThat(ReportHighlighter.segments("R1", TEXT, List.of()))
                .containsExactly(new ReportSegment(TEXT, null));
    }
}
