package io.tumorboard.board.meeting;

import io.tumorboard.board.prognosis.Prognosis;
import io.tumorboard.board.prognosis.PrognosisSource;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How much discussion a case needs. The weights only order the agenda; they are not a clinical score:
 * a critical flag (safety risk or stage-changing conflict) outweighs anything else, then discordant stages and
 * an uncertain model, then other flags.
 */
@Component
class CaseComplexity {

    static final int CRITICAL_FLAG = 10;
    static final int DISCORDANT_STAGE = 5;
    static final int MODEL_UNCERTAIN = 4;
    static final int OTHER_FLAG = 2;
    /** An MC-dropout 5-95 % interval of the horizon risk wider than 0.3 (probability) counts as uncertain. */
    static final double UNCERTAIN_BAND_WIDTH = 0.3;

    private final CaseStore store;
    private final PrognosisSource prognosis;

    CaseComplexity(CaseStore store, PrognosisSource prognosis) {
        this.store = store;
        this.prognosis = prognosis;
    }

    AgendaEntry assess(AgendaItem item, CaseSummary summary) {
        int score = 0;
        List<String> reasons = new ArrayList<>();
        if (summary.criticalFlagCount() > 0) {
            score += CRITICAL_FLAG * summary.criticalFlagCount();
            reasons.add(summary.criticalFlagCount() + " critical flag(s)");
        }
        int other = summary.flagCount() - summary.criticalFlagCount();
        if (other > 0) {
            score += OTHER_FLAG * other;
            reasons.add(other + " other flag(s)");
        }
        if (summary.stagesDiscordant()) {
            score += DISCORDANT_STAGE;
            reasons.add("clinical stage " + summary.clinicalStage() + " vs pathological " + summary.pathologicalStage());
        }
        Prognosis p = prognosis.forCase(store.current(summary.caseKey()));
        if (p instanceof Prognosis.Abstained) {
            score += MODEL_UNCERTAIN;
            reasons.add("model abstained (outside its training data)");
        } else if (p instanceof Prognosis.Predicted predicted && predicted.uncertainty() > UNCERTAIN_BAND_WIDTH) {
            score += MODEL_UNCERTAIN;
            reasons.add("model uncertain");
        }
        return new AgendaEntry(item, summary, score, List.copyOf(reasons));
    }
}
