package io.tumorboard.board.export;

import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.board.meeting.AgendaEntry;
import io.tumorboard.board.meeting.Meeting;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A meeting's minutes: the agenda in discussion order, each case with its question and the board's decision
 * (or "no decision recorded"), draft decisions marked as drafts. Cases appear by pseudonymous key only, so the
 * minutes can be filed outside the clinical record.
 */
final class MinutesPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);

    private MinutesPdf() {
    }

    static byte[] render(Meeting meeting, String chairName, List<AgendaEntry> agenda,
            Map<String, BoardDecision> decisions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Tumor board minutes " + meeting.date());
        document.open();
        document.add(new Paragraph("Tumor board minutes — " + meeting.tumorType(), TITLE));
        document.add(new Paragraph("Date: " + meeting.date() + "    Chair: " + chairName, BODY));
        document.add(new Paragraph(" ", BODY));
        int number = 1;
        for (AgendaEntry entry : agenda) {
            String key = entry.item().caseKey();
            document.add(new Paragraph(number++ + ". Case " + key
                    + (entry.standardOfCare() ? " (standard of care, for confirmation)" : ""), HEADING));
            document.add(new Paragraph("Stage " + orDash(entry.summary().workingStage()) + ", "
                    + orDash(entry.summary().histology()) + ", " + orDash(entry.summary().primarySite()), BODY));
            document.add(new Paragraph("Question: " + entry.item().question(), BODY));
            BoardDecision decision = decisions.get(key);
            if (decision == null) {
                document.add(new Paragraph("No decision recorded.", BODY));
            } else {
                document.add(decisionTable(decision));
            }
            document.add(new Paragraph(" ", BODY));
        }
        if (agenda.isEmpty()) {
            document.add(new Paragraph("No cases were on the agenda.", BODY));
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable decisionTable(BoardDecision decision) {
        DecisionContent c = decision.content();
        PdfPTable table = new PdfPTable(new float[] {1.2f, 4f});
        table.setWidthPercentage(100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        row(table, "Status", decision.signed()
                ? "Signed by " + decision.signedBy() + " at " + decision.signedAt() + " (revision " + decision.revision() + ")"
                : "DRAFT — not signed (revision " + decision.revision() + ")");
        row(table, "Recommendation", c.intent().name().toLowerCase() + " " + c.modality().name().toLowerCase()
                .replace('_', ' '));
        row(table, "Guideline", c.guidelineReference());
        row(table, "Rationale", c.rationale());
        row(table, "Attendees", c.attendees());
        row(table, "Agreement", c.agreement().name().toLowerCase() + (c.dissent() == null ? "" : ": " + c.dissent()));
        row(table, "Follow-up", orDash(c.followUp()));
        return table;
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(new Paragraph(label, HEADING));
        table.addCell(new Paragraph(value, BODY));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
