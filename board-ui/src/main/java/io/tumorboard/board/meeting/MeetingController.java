package io.tumorboard.board.meeting;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Meeting list, creation, the agenda with its case search, and presentation mode. */
@Controller
class MeetingController {

    private static final int SEARCH_LIMIT = 50;

    private final MeetingRepository meetings;
    private final Agenda agenda;
    private final CaseStore store;
    private final BoardUsers users;
    private final DecisionRepository decisions;
    private final AuditTrail audit;
    private final MeetingPlanning planning;

    MeetingController(MeetingRepository meetings, Agenda agenda, CaseStore store, BoardUsers users,
            DecisionRepository decisions, AuditTrail audit, MeetingPlanning planning) {
        this.planning = planning;
        this.meetings = meetings;
        this.agenda = agenda;
        this.store = store;
        this.users = users;
        this.decisions = decisions;
        this.audit = audit;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/meetings")
    String list(Model model) {
        model.addAttribute("meetings", meetings.all());
        model.addAttribute("chairs", users.withRole(BoardRole.CHAIR));
        model.addAttribute("today", LocalDate.now());
        return "meetings";
    }

    @PostMapping("/meetings")
    String create(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String tumorType, @RequestParam String chair, Principal principal) {
        return "redirect:/meetings/" + planning.create(date, tumorType, chair, principal.getName()).id();
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        Meeting meeting = meetings.get(id);
        List<AgendaEntry> entries = agenda.ordered(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("discuss", entries.stream().filter(e -> !e.standardOfCare()).toList());
        model.addAttribute("confirm", entries.stream().filter(AgendaEntry::standardOfCare).toList());
        model.addAttribute("decisions", decisions.latestByCase(id));
        model.addAttribute("q", q == null ? "" : q);
        if (q != null) {
            List<String> onAgenda = entries.stream().map(e -> e.item().caseKey()).toList();
            model.addAttribute("results", store.search(q, SEARCH_LIMIT).stream()
                    .filter(s -> !onAgenda.contains(s.caseKey()))
                    .map(s -> new SearchHit(s, AgendaQuestion.suggestedFor(s))).toList());
        }
        return "meeting";
    }

    @PostMapping("/meetings/{id}/agenda")
    String addToAgenda(@PathVariable long id, @RequestParam String caseKey,
            @RequestParam(required = false) String question, Principal principal) {
        planning.addToAgenda(id, caseKey, question, principal.getName());
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/agenda/{itemId}/remove")
    @Transactional
    String removeFromAgenda(@PathVariable long id, @PathVariable long itemId, Principal principal) {
        meetings.removeFromAgenda(id, itemId);
        audit.record(principal.getName(), "AGENDA_REMOVED", "meeting:" + id, "agenda item " + itemId);
        return "redirect:/meetings/" + id;
    }

    @GetMapping("/meetings/{id}/present")
    String present(@PathVariable long id, @RequestParam(defaultValue = "0") int i, Model model,
            Principal principal) {
        Meeting meeting = meetings.get(id);
        List<AgendaEntry> entries = agenda.ordered(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("count", entries.size());
        if (!entries.isEmpty()) {
            int index = Math.max(0, Math.min(i, entries.size() - 1));
            AgendaEntry entry = entries.get(index);
            model.addAttribute("index", index);
            model.addAttribute("entry", entry);
            model.addAttribute("patientCase", store.current(entry.item().caseKey()));
            audit.record(principal.getName(), "CASE_VIEW", "case:" + entry.item().caseKey(),
                    "presentation, meeting " + id);
        }
        return "present";
    }

    /** A search result with the question the case would bring. */
    record SearchHit(CaseSummary summary, String suggestedQuestion) {
    }
}
