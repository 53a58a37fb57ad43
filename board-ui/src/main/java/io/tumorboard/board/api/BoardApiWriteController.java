package io.tumorboard.board.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionConflictException;
import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.decision.DecisionService;
import io.tumorboard.board.flag.FlagReviews;
import io.tumorboard.board.flag.FlagView;
import io.tumorboard.board.meeting.AgendaItem;
import io.tumorboard.board.meeting.Meeting;
import io.tumorboard.board.meeting.MeetingPlanning;
import io.tumorboard.board.meeting.MeetingRepository;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.web.RecordNotFoundException;
import io.tumorboard.model.cases.PatientCase;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an integrating system writes: meetings, agenda entries, decisions (with optimistic locking: a stale
 * revision or lock version is answered 409 and changes nothing) and flag reviews. The same services, role checks
 * ({@code AccessMatrix}) and audit entries as the pages.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "board writes", description = "Meetings, agendas, decisions and flag reviews; JSON bodies; HTTP Basic "
        + "callers need no CSRF token")
@SecurityRequirement(name = BoardApiDocs.BASIC)
class BoardApiWriteController {

    private final MeetingPlanning planning;
    private final MeetingRepository meetings;
    private final DecisionService decisionService;
    private final DecisionRepository decisions;
    private final CaseStore store;
    private final FlagReviews flags;

    BoardApiWriteController(MeetingPlanning planning, MeetingRepository meetings, DecisionService decisionService,
            DecisionRepository decisions, CaseStore store, FlagReviews flags) {
        this.planning = planning;
        this.meetings = meetings;
        this.decisionService = decisionService;
        this.decisions = decisions;
        this.store = store;
        this.flags = flags;
    }

    @PostMapping(path = "/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a meeting (chair)")
    @ApiResponse(responseCode = "201", description = "created; Location names it")
    @ApiResponse(responseCode = "400", description = "no date, no tumor type, or the chair is not a chair")
    ResponseEntity<Meeting> createMeeting(@RequestBody ApiWrites.NewMeeting body, Principal principal) {
        Meeting meeting = planning.create(body.date(), body.tumorType(), body.chair(), principal.getName());
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.id() + "/agenda")).body(meeting);
    }

    @PostMapping(path = "/meetings/{id}/agenda", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put a case on a meeting's agenda with its question (chair)")
    @ApiResponse(responseCode = "201", description = "added")
    @ApiResponse(responseCode = "400", description = "the case is already on this agenda")
    @ApiResponse(responseCode = "404", description = "no such meeting or case")
    ResponseEntity<AgendaItem> addToAgenda(@PathVariable long id, @RequestBody ApiWrites.NewAgendaItem body,
            Principal principal) {
        AgendaItem item = planning.addToAgenda(id, body.caseKey(), body.question(), principal.getName());
        return ResponseEntity.created(URI.create("/api/meetings/" + id + "/agenda")).body(item);
    }

    @GetMapping("/meetings/{id}/cases/{key}/decision")
    @Operation(summary = "The newest revision of the board's decision on a case at a meeting, with the revision and "
            + "lock version a write must quote (clinicians)")
    @ApiResponse(responseCode = "404", description = "no decision yet")
    BoardDecision decision(@PathVariable long id, @PathVariable String key) {
        meetings.get(id);
        return decisions.latest(id, key)
                .orElseThrow(() -> new RecordNotFoundException("decision", "on case " + key + " at meeting " + id));
    }

    @PostMapping(path = "/meetings/{id}/cases/{key}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record or revise the decision (clinicians): a draft is edited in place, a signed decision "
            + "gets a new revision")
    @ApiResponse(responseCode = "200", description = "saved; the answer carries the new lock version")
    @ApiResponse(responseCode = "409", description = "someone changed or signed it since the quoted revision/lock")
    BoardDecision recordDecision(@PathVariable long id, @PathVariable String key,
            @RequestBody ApiWrites.DecisionRevision body, Principal principal) {
        store.current(key);
        return decisionService.save(id, key, body.seenRevision(), body.seenLock(), body.content(),
                principal.getName());
    }

    @PostMapping(path = "/meetings/{id}/cases/{key}/decision/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign the decision off (the meeting's own chair only)")
    @ApiResponse(responseCode = "403", description = "not this meeting's chair")
    @ApiResponse(responseCode = "409", description = "the decision changed since the quoted revision/lock")
    BoardDecision sign(@PathVariable long id, @PathVariable String key, @RequestBody ApiWrites.SignOff body,
            Principal principal) {
        Meeting meeting = meetings.get(id);
        if (!meeting.chairUsername().equals(principal.getName())) {
            throw new AccessDeniedException("only this meeting's chair (" + meeting.chairUsername()
                    + ") signs its decisions off");
        }
        return decisionService.sign(id, key, body.seenRevision(), body.seenLock(), principal.getName());
    }

    @PostMapping(path = "/cases/{key}/flags/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Acknowledge or dismiss a flag of the current case version, with a reason (clinicians)")
    @ApiResponse(responseCode = "201", description = "recorded; the answer is the flag with all its reviews")
    @ApiResponse(responseCode = "409", description = "the quoted case version is no longer the current one")
    ResponseEntity<FlagView> reviewFlag(@PathVariable String key, @RequestBody ApiWrites.NewFlagReview body,
            Principal principal) {
        PatientCase current = store.current(key);
        if (body.caseVersion() != null && body.caseVersion() != current.caseVersion()) {
            throw new DecisionConflictException("case " + key + " has version " + current.caseVersion()
                    + " now, not " + body.caseVersion() + "; read its flags again before reviewing them");
        }
        if (body.outcome() == null) {
            throw new IllegalArgumentException("a flag review needs an outcome (ACKNOWLEDGED or DISMISSED)");
        }
        flags.review(current, body.flagId(), body.outcome(), body.reason(), principal.getName());
        FlagView reviewed = flags.panel(current).stream().filter(f -> f.id().equals(body.flagId())).findFirst()
                .orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(reviewed);
    }
}
