package io.tumorboard.board.casefile;

import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Nearest past cases by histology and working stage group (same histology and same stage first, then same
 * histology with the same stage number, e.g. IIIA and IIIB). When the learning module lands, the fused embedding
 * of the promoted model replaces this ranking; until then it is only this transparent rule.
 */
@Component
class SimilarCases {

    private static final int CANDIDATES = 500;
    private static final int SHOWN = 5;

    private final CaseStore store;
    private final DecisionRepository decisions;

    SimilarCases(CaseStore store, DecisionRepository decisions) {
        this.store = store;
        this.decisions = decisions;
    }

    List<SimilarCase> nearest(CaseSummary target) {
        if (target.histology() == null) {
            return List.of();
        }
        List<CaseSummary> matches = store.search(target.histology(), CANDIDATES).stream()
                .filter(s -> !s.caseKey().equals(target.caseKey()))
                .filter(s -> target.histology().equalsIgnoreCase(s.histology()))
                .filter(s -> score(target, s) > 0)
                .sorted(Comparator.comparingInt((CaseSummary s) -> score(target, s)).reversed()
                        .thenComparing(CaseSummary::caseKey))
                .limit(SHOWN).toList();
        Map<String, List<BoardDecision>> signed = decisions.signedFor(matches.stream().map(CaseSummary::caseKey)
                .toList()).stream().collect(Collectors.groupingBy(BoardDecision::caseKey));
        return matches.stream().map(s -> new SimilarCase(s, matchedOn(target, s),
                signed.getOrDefault(s.caseKey(), List.of()))).toList();
    }

    /** 2 for the same stage group, 1 for the same stage number (I-IV), 0 otherwise. */
    static int score(CaseSummary a, CaseSummary b) {
        String sa = a.workingStage();
        String sb = b.workingStage();
        if (sa == null || sb == null) {
            return 0;
        }
        if (sa.equals(sb)) {
            return 2;
        }
        return Objects.equals(stageNumber(sa), stageNumber(sb)) ? 1 : 0;
    }

    private static String stageNumber(String group) {
        return group.replaceAll("[^IV]", "");
    }

    private static String matchedOn(CaseSummary target, CaseSummary s) {
        return "histology " + s.histology() + ", stage " + s.workingStage()
                + (score(target, s) == 2 ? " (same group)" : " (same stage number)");
    }
}
