package io.tumorboard.board.casefile;

import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.prognosis.FusedEmbedding;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Nearest past cases. With a promoted model: by Euclidean distance between the model's fused embeddings (over
 * at most {@value #EMBEDDED_CANDIDATES} current cases). Without one, or when the case itself cannot be encoded:
 * by histology and working stage group (same histology and same group first, then the same stage number, e.g.
 * IIIA and IIIB). The page says which ranking it used.
 */
@Component
class SimilarCases {

    private static final int CANDIDATES = 500;
    static final int EMBEDDED_CANDIDATES = 200;
    private static final int SHOWN = 5;

    private final CaseStore store;
    private final DecisionRepository decisions;
    private final FusedEmbedding embedding;

    SimilarCases(CaseStore store, DecisionRepository decisions, FusedEmbedding embedding) {
        this.store = store;
        this.decisions = decisions;
        this.embedding = embedding;
    }

    List<SimilarCase> nearest(CaseSummary target) {
        if (!embedding.available()) {
            return byStage(target);
        }
        List<CaseSummary> candidates = store.search("", EMBEDDED_CANDIDATES).stream()
                .filter(s -> !s.caseKey().equals(target.caseKey())).toList();
        List<CaseSummary> cases = new ArrayList<>();
        cases.add(target);
        cases.addAll(candidates);
        // Only case versions the model has not embedded yet are decoded (the embeddings are cached).
        Optional<FusedEmbedding.Embedded> embedded = embedding.embed(cases, s -> store.current(s.caseKey()));
        if (embedded.isPresent() && embedded.get().vectors().get(0) != null) {
            return byEmbedding(candidates, embedded.get());
        }
        return byStage(target);
    }

    private List<SimilarCase> byEmbedding(List<CaseSummary> candidates, FusedEmbedding.Embedded embedded) {
        double[] target = embedded.vectors().get(0);
        record Scored(CaseSummary summary, double distance) {
        }
        List<Scored> nearest = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double[] v = embedded.vectors().get(i + 1);
            if (v != null) {
                nearest.add(new Scored(candidates.get(i), distance(target, v)));
            }
        }
        List<Scored> shown = nearest.stream().sorted(Comparator.comparingDouble(Scored::distance)).limit(SHOWN)
                .toList();
        Map<String, List<BoardDecision>> signed = signed(shown.stream().map(s -> s.summary().caseKey()).toList());
        return shown.stream().map(s -> new SimilarCase(s.summary(), String.format(Locale.ROOT,
                "fused embedding of model %s, distance %.2f", embedded.modelVersion(), s.distance()),
                signed.getOrDefault(s.summary().caseKey(), List.of()))).toList();
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private Map<String, List<BoardDecision>> signed(List<String> keys) {
        return decisions.signedFor(keys).stream().collect(Collectors.groupingBy(BoardDecision::caseKey));
    }

    private List<SimilarCase> byStage(CaseSummary target) {
        if (target.histology() == null) {
            return List.of();
        }
        List<CaseSummary> matches = store.withHistology(target.histology(), CANDIDATES).stream()
                .filter(s -> !s.caseKey().equals(target.caseKey()))
                .filter(s -> score(target, s) > 0)
                .sorted(Comparator.comparingInt((CaseSummary s) -> score(target, s)).reversed()
                        .thenComparing(CaseSummary::caseKey))
                .limit(SHOWN).toList();
        Map<String, List<BoardDecision>> signed = signed(matches.stream().map(CaseSummary::caseKey).toList());
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
