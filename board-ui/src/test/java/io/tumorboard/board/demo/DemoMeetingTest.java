package io.tumorboard.board.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.prognosis.Prognosis;
import io.tumorboard.board.prognosis.PrognosisSource;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.PatientCase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo meeting's choice of cases and questions, over a store of many cases from three sites. */
class DemoMeetingTest {

    /** A store that answers from memory; only what DemoMeeting reads. */
    private static final class MemoryStore extends CaseStore {
        private final Map<String, PatientCase> cases = new HashMap<>();

        MemoryStore() {
            super(null, null);
        }

        @Override
        public PatientCase current(String caseKey) {
            return cases.get(caseKey);
        }
    }

    private static CaseSummary summary(String key, String site, String clinical, String pathological, int flags,
            int critical) {
        return new CaseSummary(key, 1, site, "lung", "Adenocarcinoma", clinical, pathological, flags, critical, true,
                true, true, Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void complexCasesFromEverySiteComeFirstThenAFewStandardCasesEachWithAQuestion() {
        MemoryStore store = new MemoryStore();
        PatientCase template = DemoCases.all().get(3).patientCase(); // no flags
        PatientCase flagged = DemoCases.all().get(0).patientCase(); // critical renal-risk and stage-conflict flags
        List<CaseSummary> all = new ArrayList<>();
        for (String site : List.of("hospital-a", "hospital-b", "hospital-c")) {
            for (int i = 0; i < 30; i++) {
                String key = site + "-" + i;
                boolean critical = i < 4;
                boolean discordant = i >= 4 && i < 6;
                all.add(summary(key, site, discordant ? "IB" : "IIA", discordant ? "IIIA" : null, critical ? 2 : 0,
                        critical ? 2 : 0));
                store.cases.put(key, critical ? flagged : template);
            }
        }
        PrognosisSource confident = c -> new Prognosis.NoModelPromoted("no model promoted in this test");
        DemoMeeting meeting = new DemoMeeting(store, null, confident, Clock.systemUTC());

        List<DemoMeeting.Choice> agenda = meeting.choose(all);

        assertThat(agenda).hasSizeBetween(8, 12);
        List<DemoMeeting.Choice> complex = agenda.stream().filter(DemoMeeting.Choice::complex).toList();
        assertThat(complex).hasSize(DemoMeeting.COMPLEX_CASES);
        assertThat(complex).extracting(c -> c.summary().site()).contains("hospital-a", "hospital-b", "hospital-c");
        assertThat(agenda.subList(0, complex.size())).allMatch(DemoMeeting.Choice::complex);
        assertThat(agenda.stream().filter(c -> !c.complex())).hasSize(DemoMeeting.STANDARD_CASES)
                .allSatisfy(c -> assertThat(c.question()).startsWith("Confirm standard of care for stage IIA"));
        assertThat(complex).allSatisfy(c -> assertThat(c.question()).isNotBlank());
        assertThat(complex.get(0).question()).startsWith("Safety first: Iodinated contrast CT planned with eGFR 28");
        assertThat(agenda).extracting(c -> c.summary().caseKey()).doesNotHaveDuplicates();
    }

    @Test
    void aDiscordantStageAsksWhichStageAndAnAbstainingModelSaysSo() {
        PatientCase plain = DemoCases.all().get(3).patientCase();
        assertThat(DemoMeeting.question(summary("k", "s", "IB", "IIIA", 0, 0), plain, null, false, false))
                .isEqualTo("Clinical stage IB vs pathological IIIA: which stage do we treat, and does it change the "
                        + "plan (e.g. adjuvant therapy)?");
        assertThat(DemoMeeting.question(summary("k", "s", "IIA", null, 0, 0), plain, null, true, false))
                .startsWith("The model abstains");
    }
}
