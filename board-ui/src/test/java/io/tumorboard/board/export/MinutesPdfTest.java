package io.tumorboard.board.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.tumorboard.board.decision.Agreement;
import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.board.decision.DecisionStatus;
import io.tumorboard.board.decision.TreatmentIntent;
import io.tumorboard.board.decision.TreatmentModality;
import io.tumorboard.board.meeting.AgendaEntry;
import io.tumorboard.board.meeting.AgendaItem;
import io.tumorboard.board.meeting.Meeting;
import io.tumorboard.board.store.CaseSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinutesPdfTest {

    private static CaseSummary summary(String key, String stage) {
        return new CaseSummary(key, 1, "site", "Upper lobe of right lung", "Adenocarcinoma", stage, stage, 0, 0, true,
                true, true, null);
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        return all.toString();
    }

    @Test
    void minutesListEveryCaseWithItsQuestionAndDecisionAndMarkDrafts() throws Exception {
        Meeting meeting = new Meeting(1, LocalDate.of(2026, 11, 25), "Thoracic / lung", "chair");
        List<AgendaEntry> agenda = List.of(
                new AgendaEntry(new AgendaItem(1, 1, "aaaa1111", "Which stage applies?"), summary("aaaa1111", "IIIA"),
                        15, List.of("critical flag")),
                new AgendaEntry(new AgendaItem(2, 1, "bbbb2222", "Confirm standard of care"), summary("bbbb2222", "IA2"),
                        0, List.of()),
                new AgendaEntry(new AgendaItem(3, 1, "cccc3333", "Next step?"), summary("cccc3333", "IVA"), 10,
                        List.of()));
        DecisionContent content = new DecisionContent(TreatmentIntent.CURATIVE, TreatmentModality.SURGERY,
                "NCCN NSCLC v5.2026", "Resectable", "Dr. A, Dr. B", Agreement.CONSENSUS, null, null);
        Map<String, BoardDecision> decisions = Map.of(
                "aaaa1111", new BoardDecision(1, 1, "aaaa1111", 1, 1, DecisionStatus.SIGNED, content, "member",
                        Instant.parse("2026-11-25T10:00:00Z"), "chair", Instant.parse("2026-11-25T10:01:00Z")),
                "bbbb2222", new BoardDecision(2, 1, "bbbb2222", 1, 0, DecisionStatus.DRAFT, content, "member",
                        Instant.parse("2026-11-25T10:02:00Z"), null, null));

        String text = text(MinutesPdf.render(meeting, "Dr. Chair", agenda, decisions));

        assertThat(text).contains("Tumor board minutes", "2026-11-25", "Dr. Chair", "aaaa1111", "Which stage applies?",
                "Signed by chair", "bbbb2222", "standard of care", "DRAFT", "cccc3333", "No decision recorded",
                "NCCN NSCLC v5.2026");
    }
}
