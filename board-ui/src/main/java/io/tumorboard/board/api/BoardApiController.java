package io.tumorboard.board.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.meeting.Agenda;
import io.tumorboard.board.meeting.AgendaEntry;
import io.tumorboard.board.meeting.Meeting;
import io.tumorboard.board.meeting.MeetingRepository;
import io.tumorboard.board.prognosis.Prognosis;
import io.tumorboard.board.prognosis.PrognosisSource;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.CaseJson;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases, meetings and agendas as JSON. */
@RestController
@RequestMapping("/api")
@Tag(name = "board", description = "Cases, meetings and agendas as JSON")
@SecurityRequirement(name = BoardApiDocs.BASIC)
class BoardApiController {

    private static final int MAX_RESULTS = 200;

    private final CaseStore store;
    private final MeetingRepository meetings;
    private final Agenda agenda;
    private final AuditTrail audit;
    private final PrognosisSource prognosis;

    BoardApiController(CaseStore store, MeetingRepository meetings, Agenda agenda, AuditTrail audit,
            PrognosisSource prognosis) {
        this.store = store;
        this.meetings = meetings;
        this.agenda = agenda;
        this.audit = audit;
        this.prognosis = prognosis;
    }

    @GetMapping("/cases")
    @Operation(summary = "Current cases whose site, histology, stage or key contains q (at most 200)")
    List<CaseSummary> cases(@RequestParam(defaultValue = "") String q) {
        return store.search(q, MAX_RESULTS);
    }

    /** The case exactly as the case store holds it, encoded with the shared case JSON (Jackson 2) mapper. */
    @GetMapping(value = "/cases/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The newest version of one case, in the case schema (audited as a case view)")
    ResponseEntity<String> patientCase(@PathVariable String key, Principal principal) throws JsonProcessingException {
        String json = CaseJson.mapper().writeValueAsString(store.current(key));
        audit.record(principal.getName(), "CASE_VIEW", "case:" + key, "REST API");
        return ResponseEntity.ok(json);
    }

    /** What the model panel shows, for integrations: the prediction, an abstention with its reason, or none. */
    @GetMapping("/cases/{key}/prognosis")
    @Operation(summary = "The promoted model's prognosis for the newest version of one case (audited as a case view)")
    Prognosis prognosis(@PathVariable String key, Principal principal) {
        Prognosis answer = prognosis.forCase(store.current(key));
        audit.record(principal.getName(), "CASE_VIEW", "case:" + key, "REST API prognosis");
        return answer;
    }

    @GetMapping("/meetings")
    @Operation(summary = "Every meeting, newest first")
    List<Meeting> meetings() {
        return meetings.all();
    }

    @GetMapping("/meetings/{id}/agenda")
    @Operation(summary = "A meeting's agenda in discussion order, complex cases first")
    List<AgendaEntry> agenda(@PathVariable long id) {
        meetings.get(id);
        return agenda.ordered(id);
    }
}
