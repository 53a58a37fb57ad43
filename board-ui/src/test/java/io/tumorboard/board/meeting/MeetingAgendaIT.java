package io.tumorboard.board.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.demo.DemoCases;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@BoardIntegrationTest
class MeetingAgendaIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Agenda agenda;

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
    }

    private long createMeeting(BoardClient chair) {
        chair.get("/meetings");
        HttpResponse<String> created = chair.post("/meetings",
                Map.of("date", "2026-11-25", "tumorType", "Thoracic / lung", "chair", "chair"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theAgendaPutsComplexCasesFirstAndListsStandardOfCareCasesForConfirmation() {
        BoardClient chair = new BoardClient(port).login("chair", TestBoard.PASSWORD);
        long meeting = createMeeting(chair);
        List<DemoCases.DemoCase> demo = DemoCases.all();
        // Added standard cases first, so the order cannot come from insertion.
        for (DemoCases.DemoCase c : List.of(demo.get(3), demo.get(4), demo.get(1), demo.get(2), demo.get(0))) {
            chair.get("/meetings/" + meeting + "?q=");
            assertThat(chair.post("/meetings/" + meeting + "/agenda",
                    Map.of("caseKey", c.patientCase().caseKey(), "question", "")).statusCode()).isEqualTo(302);
        }

        List<AgendaEntry> ordered = agenda.ordered(meeting);

        assertThat(ordered).extracting(e -> e.item().caseKey()).startsWith(demo.get(0).patientCase().caseKey());
        assertThat(ordered.subList(0, 3)).allMatch(e -> !e.standardOfCare());
        assertThat(ordered.subList(3, 5)).allMatch(AgendaEntry::standardOfCare);
        assertThat(ordered.get(0).reasons()).anyMatch(r -> r.contains("critical"))
                .anyMatch(r -> r.contains("clinical stage IB vs pathological IIIA"));
        assertThat(ordered.get(3).item().question()).startsWith("Confirm standard of care");

        String page = chair.get("/meetings/" + meeting).body();
        assertThat(page.indexOf("agenda-discuss")).isLessThan(page.indexOf(demo.get(0).patientCase().caseKey()));
        assertThat(page.indexOf("agenda-confirm")).isLessThan(page.indexOf(demo.get(3).patientCase().caseKey()));
    }

    @Test
    void theChairSearchesTheCaseStoreAndTheQuestionTheyWriteIsKept() {
        BoardClient chair = new BoardClient(port).login("chair", TestBoard.PASSWORD);
        long meeting = createMeeting(chair);
        String results = chair.get("/meetings/" + meeting + "?q=squamous").body();
        String squamous = DemoCases.all().get(1).patientCase().caseKey();
        assertThat(results).contains(squamous).doesNotContain(DemoCases.all().get(0).patientCase().caseKey());

        chair.post("/meetings/" + meeting + "/agenda", Map.of("caseKey", squamous,
                "question", "Biopsy the right lower lobe before treatment?"));
        assertThat(chair.get("/meetings/" + meeting).body()).contains("Biopsy the right lower lobe before treatment?");

        HttpResponse<String> again = chair.post("/meetings/" + meeting + "/agenda",
                Map.of("caseKey", squamous, "question", "twice"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already on the agenda");
    }

    @Test
    void aMeetingNeedsARealChair() {
        BoardClient chair = new BoardClient(port).login("chair", TestBoard.PASSWORD);
        chair.get("/meetings");
        HttpResponse<String> refused = chair.post("/meetings",
                Map.of("date", "2026-11-25", "tumorType", "Thoracic", "chair", "member"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is not a board chair");
    }

    @Test
    void presentationModeShowsOneCaseAtATimeWithKeyboardNavigation() {
        BoardClient chair = new BoardClient(port).login("chair", TestBoard.PASSWORD);
        long meeting = createMeeting(chair);
        chair.get("/meetings/" + meeting + "?q=");
        chair.post("/meetings/" + meeting + "/agenda", Map.of("caseKey", DemoCases.all().get(0).patientCase().caseKey(),
                "question", "first"));
        chair.post("/meetings/" + meeting + "/agenda", Map.of("caseKey", DemoCases.all().get(3).patientCase().caseKey(),
                "question", "second"));
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        String first = member.get("/meetings/" + meeting + "/present").body();
        assertThat(first).contains("class=\"present\"", "first", "id=\"next\"", "/js/present.js")
                .doesNotContain("id=\"prev\"");
        String second = member.get("/meetings/" + meeting + "/present?i=1").body();
        assertThat(second).contains("second", "id=\"prev\"").doesNotContain("id=\"next\"");
    }
}
