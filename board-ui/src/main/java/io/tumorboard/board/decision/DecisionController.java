package io.tumorboard.board.decision;

import io.tumorboard.board.meeting.Meeting;
import io.tumorboard.board.meeting.MeetingRepository;
import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUser;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.store.CaseNotFoundException;
import io.tumorboard.board.store.CaseStore;
import java.security.Principal;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The decision form of one case at one meeting: draft, edit, sign off, and see every revision. */
@Controller
class DecisionController {

    private final DecisionService service;
    private final DecisionRepository decisions;
    private final MeetingRepository meetings;
    private final CaseStore store;
    private final BoardUsers users;

    DecisionController(DecisionService service, DecisionRepository decisions, MeetingRepository meetings,
            CaseStore store, BoardUsers users) {
        this.service = service;
        this.decisions = decisions;
        this.meetings = meetings;
        this.store = store;
        this.users = users;
    }

    @GetMapping("/meetings/{id}/cases/{key}/decision")
    String form(@PathVariable long id, @PathVariable String key, Model model) {
        Meeting meeting = meetings.get(id);
        store.summary(key).orElseThrow(() -> new CaseNotFoundException(key));
        DecisionForm form = decisions.latest(id, key).map(DecisionForm::of)
                .orElseGet(() -> DecisionForm.blank(defaultAttendees()));
        fill(model, meeting, key, form);
        return "decision";
    }

    @PostMapping("/meetings/{id}/cases/{key}/decision")
    ModelAndView save(@PathVariable long id, @PathVariable String key, @ModelAttribute DecisionForm form,
            Principal principal, Model model) {
        Meeting meeting = meetings.get(id);
        store.summary(key).orElseThrow(() -> new CaseNotFoundException(key));
        try {
            service.save(id, key, form.seenRevision(), form.seenLock(), form.content(), principal.getName());
            return new ModelAndView("redirect:/meetings/" + id + "/cases/" + key + "/decision?saved");
        } catch (DecisionConflictException | IllegalArgumentException e) {
            fill(model, meeting, key, form);
            model.addAttribute("error", e.getMessage());
            HttpStatus status = e instanceof DecisionConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            return new ModelAndView("decision", model.asMap(), status);
        }
    }

    @PostMapping("/meetings/{id}/cases/{key}/decision/sign")
    ModelAndView sign(@PathVariable long id, @PathVariable String key, @RequestParam int seenRevision,
            @RequestParam int seenLock, Principal principal, Model model) {
        Meeting meeting = meetings.get(id);
        try {
            service.sign(id, key, seenRevision, seenLock, principal.getName());
            return new ModelAndView("redirect:/meetings/" + id + "/cases/" + key + "/decision?signed");
        } catch (DecisionConflictException | IllegalArgumentException e) {
            DecisionForm current = decisions.latest(id, key).map(DecisionForm::of)
                    .orElseGet(() -> DecisionForm.blank(defaultAttendees()));
            fill(model, meeting, key, current);
            model.addAttribute("error", e.getMessage());
            HttpStatus status = e instanceof DecisionConflictException ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN;
            return new ModelAndView("decision", model.asMap(), status);
        }
    }

    private void fill(Model model, Meeting meeting, String key, DecisionForm form) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("caseKey", key);
        model.addAttribute("form", form);
        model.addAttribute("current", decisions.latest(meeting.id(), key).orElse(null));
        model.addAttribute("revisions", decisions.revisions(meeting.id(), key));
        model.addAttribute("intents", TreatmentIntent.values());
        model.addAttribute("modalities", TreatmentModality.values());
        model.addAttribute("agreements", Agreement.values());
    }

    /** The site's clinicians, as a starting point the chair edits to who is actually in the room. */
    private String defaultAttendees() {
        return Stream.concat(users.withRole(BoardRole.CHAIR).stream(), users.withRole(BoardRole.BOARD_MEMBER).stream())
                .map(DecisionController::attendee).collect(Collectors.joining(", "));
    }

    private static String attendee(BoardUser user) {
        return user.specialty() == null ? user.fullName() : user.fullName() + " (" + user.specialty() + ")";
    }
}
