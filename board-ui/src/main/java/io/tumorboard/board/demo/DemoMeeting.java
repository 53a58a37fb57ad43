package io.tumorboard.board.demo;

import io.tumorboard.board.meeting.MeetingRepository;
import io.tumorboard.board.prognosis.Prognosis;
import io.tumorboard.board.prognosis.PrognosisSource;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The demo's one meeting, built from the cases actually in the store the way a coordinator prepares one: the
 * complex cases first (critical flags, discordant stages, a model that abstains or is unsure), then a few
 * standard-of-care cases listed for confirmation, mixed across the sites, each with the question it brings.
 * The agenda page orders them again when read; this only chooses which cases to bring and what to ask.
 */
@Component
class DemoMeeting {

    /** A board discusses about 8 to 12 cases in a session of 60 to 90 minutes. */
    static final int COMPLEX_CASES = 8;
    static final int STANDARD_CASES = 3;
    /** How many candidates the promoted model is asked about (each prediction costs MC-dropout passes). */
    static final int MODEL_CHECKED = 40;
    /** The model's 5-95 % interval of the horizon risk wider than this is "unsure" (as the agenda's weights). */
    static final double UNSURE_BAND = 0.3;

    private final CaseStore store;
    private final MeetingRepository meetings;
    private final PrognosisSource prognosis;
    private final Clock clock;

    DemoMeeting(CaseStore store, MeetingRepository meetings, PrognosisSource prognosis, Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.prognosis = prognosis;
        this.clock = clock;
    }

    /** A case chosen for the agenda and the question it brings. */
    record Choice(CaseSummary summary, String question, boolean complex) {
    }

    /** Creates the meeting (next Wednesday, chaired by the demo chair) when none exists; returns its id or -1. */
    long createIfNone(String chair) {
        if (!meetings.all().isEmpty()) {
            return -1;
        }
        List<Choice> agenda = choose(store.search("", 100_000));
        if (agenda.isEmpty()) {
            return -1;
        }
        LocalDate wednesday = LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        long id = meetings.create(wednesday, "Thoracic oncology (lung)", chair, chair);
        agenda.forEach(c -> meetings.addToAgenda(id, c.summary().caseKey(), c.question(), chair));
        return id;
    }

    List<Choice> choose(List<CaseSummary> cases) {
        List<CaseSummary> ranked = new ArrayList<>(cases);
        ranked.sort(Comparator.comparingInt(DemoMeeting::ruleScore).reversed().thenComparing(CaseSummary::caseKey));
        List<Choice> complex = new ArrayList<>();
        List<Choice> standard = new ArrayList<>();
        for (CaseSummary s : bySiteInTurn(ranked).stream().limit(MODEL_CHECKED).toList()) {
            Choice choice = assess(s);
            (choice.complex() ? complex : standard).add(choice);
        }
        List<Choice> out = new ArrayList<>(bySiteInTurnChoices(complex).stream().limit(COMPLEX_CASES).toList());
        // Standard-of-care cases: the plainest ones (no flag, concordant stage, model confident), one per site in turn.
        List<CaseSummary> plain = ranked.stream().filter(s -> ruleScore(s) == 0 && s.workingStage() != null)
                .sorted(Comparator.comparing(CaseSummary::caseKey)).toList();
        for (CaseSummary s : bySiteInTurn(plain)) {
            if (out.stream().filter(c -> !c.complex()).count() >= STANDARD_CASES) {
                break;
            }
            Choice choice = assess(s);
            if (!choice.complex() && out.stream().noneMatch(c -> c.summary().caseKey().equals(s.caseKey()))) {
                out.add(choice);
            }
        }
        if (out.stream().noneMatch(c -> !c.complex())) {
            standard.stream().limit(STANDARD_CASES).forEach(out::add);
        }
        return out;
    }

    /** What the rules alone say: critical flags, other flags, discordant stages (as the agenda weighs them). */
    static int ruleScore(CaseSummary s) {
        return 10 * s.criticalFlagCount() + 2 * (s.flagCount() - s.criticalFlagCount()) + (s.stagesDiscordant() ? 5 : 0);
    }

    private Choice assess(CaseSummary s) {
        PatientCase c = store.current(s.caseKey());
        Prognosis p = prognosis.forCase(c);
        boolean abstained = p instanceof Prognosis.Abstained;
        boolean unsure = p instanceof Prognosis.Predicted predicted && predicted.uncertainty() > UNSURE_BAND;
        boolean complex = ruleScore(s) > 0 || abstained || unsure;
        return new Choice(s, question(s, c, p, abstained, unsure), complex);
    }

    static String question(CaseSummary s, PatientCase c, Prognosis p, boolean abstained, boolean unsure) {
        String disease = "stage " + or(s.workingStage(), "unknown") + " " + or(s.histology(), "lung cancer")
                .toLowerCase(Locale.ROOT);
        CaseFlag safety = c.flags().stream().filter(f -> f.severity() == Severity.CRITICAL
                && f.type().kind() == FlagType.FlagKind.SAFETY).findFirst().orElse(null);
        if (safety != null) {
            return "Safety first: " + sentence(safety.summary()) + " Is the planned procedure safe, or what replaces it? "
                    + "Then the treatment for " + disease + ".";
        }
        if (s.stagesDiscordant()) {
            return "Clinical stage " + s.clinicalStage() + " vs pathological " + s.pathologicalStage()
                    + ": which stage do we treat, and does it change the plan (e.g. adjuvant therapy)?";
        }
        CaseFlag first = c.flags().stream().filter(f -> f.severity() == Severity.CRITICAL).findFirst()
                .orElse(c.flags().isEmpty() ? null : c.flags().get(0));
        if (first != null) {
            return "Resolve the discrepancy (" + first.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                    + sentence(first.summary()) + " Then decide treatment for " + disease + ".";
        }
        if (abstained) {
            return "The model abstains (case outside its training data): what is atypical here, and what treatment "
                    + "for " + disease + "?";
        }
        if (unsure && p instanceof Prognosis.Predicted predicted) {
            return String.format(Locale.ROOT, "The model's risk interval is wide (%.0f-%.0f %%): does prognosis change "
                    + "the intensity of treatment for %s?", 100 * predicted.riskLow(), 100 * predicted.riskHigh(), disease);
        }
        return "Confirm standard of care for " + disease + ".";
    }

    /** Takes cases one site at a time in turn, keeping each site's order, so the agenda mixes the sites. */
    private static List<CaseSummary> bySiteInTurn(List<CaseSummary> ordered) {
        Map<String, Deque<CaseSummary>> bySite = new LinkedHashMap<>();
        ordered.forEach(s -> bySite.computeIfAbsent(s.site(), k -> new ArrayDeque<>()).add(s));
        List<CaseSummary> out = new ArrayList<>();
        while (out.size() < ordered.size()) {
            for (Deque<CaseSummary> queue : bySite.values()) {
                if (!queue.isEmpty()) {
                    out.add(queue.poll());
                }
            }
        }
        return out;
    }

    private static List<Choice> bySiteInTurnChoices(List<Choice> choices) {
        List<CaseSummary> order = bySiteInTurn(choices.stream().map(Choice::summary).toList());
        return order.stream().map(s -> choices.stream().filter(c -> c.summary() == s).findFirst().orElseThrow()).toList();
    }

    /** The rules' summaries are phrases; end them as a sentence before the question goes on. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
