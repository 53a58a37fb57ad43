package io.tumorboard.board.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.audit.AuditEvent;
import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.flag.FlagView;
import io.tumorboard.model.cases.PatientCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** An integrating system writes through the REST API with HTTP Basic and JSON, as each role may. */
@BoardIntegrationTest
class ApiWritesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail audit;

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
    }

    private HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestBoard.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private long meetingWith(String caseKey) throws Exception {
        HttpResponse<String> created = call("chair", "POST", "/api/meetings",
                Map.of("date", "2026-12-16", "tumorType", "Thoracic / lung", "chair", "chair"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long meeting = json(created).get("id").asLong();
        HttpResponse<String> added = call("chair", "POST", "/api/meetings/" + meeting + "/agenda",
                Map.of("caseKey", caseKey, "question", "Adjuvant therapy?"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return meeting;
    }

    private static Map<String, Object> decision(String rationale, int seenRevision, int seenLock) {
        return Map.of("intent", "CURATIVE", "modality", "SURGERY", "guidelineReference", "NCCN NSCLC v5.2026",
                "rationale", rationale, "attendees", "Dr. A (oncology), Dr. B (surgery)", "agreement", "CONSENSUS",
                "seenRevision", seenRevision, "seenLock", seenLock);
    }

    @Test
    void theChairCreatesAMeetingAndBuildsItsAgendaAuditedAsOnThePages() throws Exception {
        String key = DemoCases.all().get(0).patientCase().caseKey();
        long meeting = meetingWith(key);

        JsonNode agenda = json(call("member", "GET", "/api/meetings/" + meeting + "/agenda", null));
        assertThat(agenda.get(0).get("item").get("question").asText()).isEqualTo("Adjuvant therapy?");
        assertThat(audit.forTarget("meeting:" + meeting)).extracting(AuditEvent::username, AuditEvent::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chair", "MEETING_CREATED"));
        assertThat(audit.forTarget("case:" + key)).extracting(AuditEvent::action).contains("AGENDA_ADDED");

        HttpResponse<String> again = call("chair", "POST", "/api/meetings/" + meeting + "/agenda",
                Map.of("caseKey", key));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("detail").asText()).contains("already on the agenda");
        assertThat(call("member", "POST", "/api/meetings", Map.of("date", "2026-12-17", "tumorType", "x",
                "chair", "chair")).statusCode()).isEqualTo(403);
        assertThat(call("chair", "POST", "/api/meetings", Map.of("date", "2026-12-17", "tumorType", "Thoracic",
                "chair", "member")).statusCode()).isEqualTo(400);
    }

    @Test
    void aStaleDecisionWriteIsRefusedWith409AndTheOtherWritersTextStays() throws Exception {
        String key = DemoCases.all().get(1).patientCase().caseKey();
        long meeting = meetingWith(key);
        String path = "/api/meetings/" + meeting + "/cases/" + key + "/decision";

        JsonNode first = json(call("member", "POST", path, decision("first view", 0, 0)));
        assertThat(first.get("revision").asInt()).isEqualTo(1);
        int lock = first.get("lockVersion").asInt();
        JsonNode edited = json(call("member2", "POST", path, decision("second view", 1, lock)));
        assertThat(edited.get("lockVersion").asInt()).isGreaterThan(lock);

        HttpResponse<String> stale = call("member", "POST", path, decision("overwriting", 1, lock));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("detail").asText()).contains("member2");
        assertThat(json(call("member", "GET", path, null)).get("content").get("rationale").asText())
                .isEqualTo("second view");
        assertThat(call("datasci", "GET", path, null).statusCode()).isEqualTo(403);
    }

    @Test
    void onlyTheMeetingsOwnChairSignsAndOnlyTheRevisionTheyRead() throws Exception {
        String key = DemoCases.all().get(3).patientCase().caseKey();
        long meeting = meetingWith(key);
        String path = "/api/meetings/" + meeting + "/cases/" + key + "/decision";
        JsonNode draft = json(call("member", "POST", path, decision("resectable", 0, 0)));
        int lock = draft.get("lockVersion").asInt();

        assertThat(call("chair2", "POST", path + "/sign", Map.of("seenRevision", 1, "seenLock", lock)).statusCode())
                .isEqualTo(403);
        assertThat(call("member", "POST", path + "/sign", Map.of("seenRevision", 1, "seenLock", lock)).statusCode())
                .isEqualTo(403);
        assertThat(call("chair", "POST", path + "/sign", Map.of("seenRevision", 1, "seenLock", lock - 1))
                .statusCode()).isEqualTo(409);
        HttpResponse<String> signed = call("chair", "POST", path + "/sign", Map.of("seenRevision", 1,
                "seenLock", lock));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(json(signed).get("status").asText()).isEqualTo("SIGNED");
        assertThat(json(signed).get("signedBy").asText()).isEqualTo("chair");

        JsonNode revised = json(call("member", "POST", path, decision("after new imaging", 1, lock)));
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(audit.forTarget("case:" + key)).extracting(AuditEvent::action)
                .contains("DECISION_DRAFTED", "DECISION_SIGNED", "DECISION_REVISED");
    }

    @Test
    void aFlagIsReviewedOnTheCaseVersionTheReviewerReadAndAStaleVersionIsRefused() throws Exception {
        PatientCase c = DemoCases.all().get(2).patientCase();
        String flagId = FlagView.idOf(c.flags().get(0));
        String path = "/api/cases/" + c.caseKey() + "/flags/review";

        HttpResponse<String> stale = call("member", "POST", path, Map.of("flagId", flagId, "outcome",
                "ACKNOWLEDGED", "reason", "seen", "caseVersion", c.caseVersion() - 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> reviewed = call("member", "POST", path, Map.of("flagId", flagId, "outcome",
                "DISMISSED", "reason", "device removed in 2025 (API)", "caseVersion", c.caseVersion()));
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
        assertThat(reviewed.body()).contains("device removed in 2025 (API)");
        assertThat(call("member", "POST", path, Map.of("flagId", flagId, "outcome", "DISMISSED", "reason", " "))
                .statusCode()).isEqualTo(400);
        assertThat(call("datasci", "POST", path, Map.of("flagId", flagId, "outcome", "DISMISSED", "reason", "x"))
                .statusCode()).isEqualTo(403);
        assertThat(audit.forTarget("case:" + c.caseKey())).extracting(AuditEvent::detail)
                .contains(flagId + ": device removed in 2025 (API)");
    }

    @Test
    void aBrowserSessionStillNeedsTheCsrfTokenForAnApiWrite() throws Exception {
        BoardClient chair = new BoardClient(port).login("chair", TestBoard.PASSWORD);
        HttpResponse<String> forged = chair.postRaw("/api/meetings", Map.of("date", "2026-12-18",
                "tumorType", "Forged", "chair", "chair"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(audit.latest(50)).extracting(AuditEvent::detail).noneMatch(d -> d != null && d.contains("Forged"));
    }

    @Test
    void theOpenApiDocumentDescribesTheWritesAndHttpBasic() throws Exception {
        String docs = call("datasci", "GET", "/v3/api-docs", null).body();
        assertThat(docs).contains("/api/meetings/{id}/cases/{key}/decision/sign", "/api/cases/{key}/flags/review",
                "\"scheme\":\"basic\"", "409");
    }
}
