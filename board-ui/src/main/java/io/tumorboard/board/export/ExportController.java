package io.tumorboard.board.export;

import ca.uhn.fhir.context.FhirContext;
import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.meeting.Agenda;
import io.tumorboard.board.meeting.Meeting;
import io.tumorboard.board.meeting.MeetingRepository;
import io.tumorboard.board.security.BoardUser;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.store.CaseStore;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Minutes as PDF and decisions as FHIR R4 JSON; every export is audited. */
@RestController
class ExportController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final MeetingRepository meetings;
    private final Agenda agenda;
    private final DecisionRepository decisions;
    private final CaseStore store;
    private final BoardUsers users;
    private final ObjectProvider<FhirContext> fhir;
    private final AuditTrail audit;

    ExportController(MeetingRepository meetings, Agenda agenda, DecisionRepository decisions, CaseStore store,
            BoardUsers users, ObjectProvider<FhirContext> fhir, AuditTrail audit) {
        this.meetings = meetings;
        this.agenda = agenda;
        this.decisions = decisions;
        this.store = store;
        this.users = users;
        this.fhir = fhir;
        this.audit = audit;
    }

    @GetMapping("/meetings/{id}/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long id, Principal principal) {
        Meeting meeting = meetings.get(id);
        String chair = users.find(meeting.chairUsername()).map(BoardUser::fullName).orElse(meeting.chairUsername());
        byte[] pdf = MinutesPdf.render(meeting, chair, agenda.ordered(id), decisions.latestByCase(id));
        audit.record(principal.getName(), "MINUTES_EXPORTED", "meeting:" + id, pdf.length + " bytes");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"minutes-" + meeting.date() + ".pdf\"")
                .body(pdf);
    }

    @GetMapping({"/decisions/{id}/fhir", "/api/decisions/{id}/fhir"})
    @Operation(summary = "A decision as a FHIR R4 bundle: mCODE stage Observations, ClinicalImpression, CarePlan")
    ResponseEntity<String> fhir(@PathVariable long id, Principal principal) {
        BoardDecision decision = decisions.get(id);
        String json = fhir.getObject().newJsonParser().setPrettyPrint(true)
                .encodeResourceToString(DecisionFhir.bundle(store.current(decision.caseKey()), decision));
        audit.record(principal.getName(), "DECISION_EXPORTED_FHIR", "case:" + decision.caseKey(),
                "decision " + id + " revision " + decision.revision());
        return ResponseEntity.ok().contentType(FHIR_JSON).body(json);
    }
}
