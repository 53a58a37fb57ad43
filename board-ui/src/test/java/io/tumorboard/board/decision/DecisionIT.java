package io.tumorboard.board.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.meeting.MeetingRepository;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@BoardIntegrationTest
class DecisionIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MeetingRepository meetings;
    @Autowired
    DecisionRepository decisions;
    @Autowired
    AuditTrail audit;

    private long meeting;
    private final String caseKey = DemoCases.all().get(0).patientCase().caseKey();

    @BeforeEach
    void aMeetingWithTheCaseOnItsAgenda() {
        TestBoard.prepare(context);
        meeting = meetings.create(LocalDate.of(2026, 11, 25), "Thoracic / lung", "chair", "chair");
        meetings.addToAgenda(meeting, caseKey, "Adjuvant therapy after pN2?", "chair");
    }

    private String path() {
        return "/meetings/" + meeting + "/cases/" + caseKey + "/decision";
    }

    private static Map<String, String> form(String rationale, int revision, int lock) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("intent", "CURATIVE");
        form.put("modality", "ADJUVANT_SYSTEMIC_THERAPY");
        form.put("guidelineReference", "NCCN NSCLC v5.2026, NSCL-4");
        form.put("rationale", rationale);
        form.put("attendees", "Dr. Test Chair, Dr. Test Member");
        form.put("agreement", "CONSENSUS");
        form.put("dissent", "");
        form.put("followUp", "CT chest in 3 months");
        form.put("seenRevision", String.valueOf(revision));
        form.put("seenLock", String.valueOf(lock));
        return form;
    }

    @Test
    void twoPeopleEditingTheSameDraftNeverSilentlyOverwriteEachOther() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        BoardClient other = new BoardClient(port).login("member2", TestBoard.PASSWORD);
        member.get(path());
        assertThat(member.post(path(), form("first draft", 0, 0)).statusCode()).isEqualTo(302);

        // Both open revision 1 at lock 0; the first to save wins, the second is told and keeps their text on screen.
        member.get(path());
        other.get(path());
        assertThat(member.post(path(), form("member's edit", 1, 0)).statusCode()).isEqualTo(302);
        HttpResponse<String> conflict = other.post(path(), form("other's edit", 1, 0));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("member", "Your text was not saved", "other&#39;s edit", "member&#39;s edit");
        assertThat(decisions.latest(meeting, caseKey).orElseThrow().content().rationale()).isEqualTo("member's edit");
    }

    @Test
    void theChairSignsOffAndAChangeAfterSignOffIsANewRevisionNeverAnEdit() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        member.get(path());
        member.post(path(), form("adjuvant osimertinib", 0, 0));
        BoardDecision draft = decisions.latest(meeting, caseKey).orElseThrow();

        BoardClient chair = new BoardClient(port).login("chair", TestBoard.PASSWORD);
        chair.get(path());
        HttpResponse<String> signed = chair.post(path() + "/sign",
                Map.of("seenRevision", "1", "seenLock", String.valueOf(draft.lockVersion())));
        assertThat(signed.statusCode()).isEqualTo(302);

        member.get(path());
        assertThat(member.post(path(), form("revised after new imaging", 1, 99)).statusCode()).isEqualTo(302);

        List<BoardDecision> revisions = decisions.revisions(meeting, caseKey);
        assertThat(revisions).extracting(BoardDecision::revision).containsExactly(1, 2);
        assertThat(revisions.get(0).status()).isEqualTo(DecisionStatus.SIGNED);
        assertThat(revisions.get(0).signedBy()).isEqualTo("chair");
        assertThat(revisions.get(0).content().rationale()).isEqualTo("adjuvant osimertinib");
        assertThat(revisions.get(1).status()).isEqualTo(DecisionStatus.DRAFT);
        assertThat(audit.forTarget("case:" + caseKey)).extracting(e -> e.action())
                .contains("DECISION_DRAFTED", "DECISION_SIGNED", "DECISION_REVISED");
    }

    @Test
    void onlyTheMeetingsOwnChairSignsAndAMemberCannotSignAtAll() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        member.get(path());
        member.post(path(), form("draft", 0, 0));
        assertThat(member.post(path() + "/sign", Map.of("seenRevision", "1", "seenLock", "0")).statusCode())
                .isEqualTo(403);

        BoardClient otherChair = new BoardClient(port).login("chair2", TestBoard.PASSWORD);
        otherChair.get(path());
        HttpResponse<String> refused = otherChair.post(path() + "/sign", Map.of("seenRevision", "1", "seenLock", "0"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("only this meeting&#39;s chair");
        assertThat(decisions.latest(meeting, caseKey).orElseThrow().signed()).isFalse();
    }

    @Test
    void signingAChangedDraftIsRefusedSoTheChairReadsWhatTheySign() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        member.get(path());
        member.post(path(), form("draft", 0, 0));
        BoardClient chair = new BoardClient(port).login("chair", TestBoard.PASSWORD);
        chair.get(path());
        member.get(path());
        member.post(path(), form("changed while the chair was reading", 1, 0));

        HttpResponse<String> refused = chair.post(path() + "/sign", Map.of("seenRevision", "1", "seenLock", "0"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(decisions.latest(meeting, caseKey).orElseThrow().signed()).isFalse();
    }

    @Test
    void aDissentWithoutItsReasonIsRefusedWithAClearMessage() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        member.get(path());
        Map<String, String> dissent = form("surgery", 0, 0);
        dissent.put("agreement", "DISSENT");
        HttpResponse<String> refused = member.post(path(), dissent);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("needs who dissented and why");
        assertThat(decisions.latest(meeting, caseKey)).isEmpty();
    }
}
