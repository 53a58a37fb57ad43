package io.tumorboard.board.casefile;

import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.prognosis.FusedEmbedding;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
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
 *
 * <p>A ranking is kept while the viewed case version, the promoted model and the store's current cases stay the
 * same ({@link KeptRankings}); the board's signed decisions on the ranked cases are read on every view.
 */
@Component
class SimilarCases {

    private static final int CANDIDATES = 500;
    static final int EMBEDDED_CANDIDATES = 200;
    private static final int SHOWN = 5;

    private final CaseStore store;
    private final DecisionRepository decisions;
    private final FusedEmbedding embedding;
    private final KeptRankings kept = new KeptRankings();

    SimilarCases(CaseStore store, DecisionRepository decisions, FusedEmbedding embedding) {
        this.store = store;
        this.decisions = decisions;
        this.embedding = embedding;
    }

    List<SimilarCase> nearest(CaseSummary target) {
        // The model and the store are read before ranking: a change while ranking leads to a new key at the next
        // view, never to an old ranking kept under the new state.
        FusedEmbedding.ModelState model = embedding.promotedModel().orElse(null);
        KeptRankings.Key key = new KeptRankings.Key(target.caseKey(), target.caseVersion(), model,
                store.currentCases());
        List<KeptRankings.Ranked> ranked = kept.get(key, () -> model == null ? byStage(target) : byModel(target));
        Map<String, List<BoardDecision>> signed = signed(ranked.stream().map(r -> r.summary().caseKey()).toList());
        return ranked.stream().map(r -> new SimilarCase(r.summary(), r.matchedOn(),
                signed.getOrDefault(r.summary().caseKey(), List.of()))).toList();
    }

    private List<KeptRankings.Ranked> byModel(CaseSummary target) {
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

    private static List<KeptRankings.Ranked> byEmbedding(List<CaseSummary> candidates,
                                                         FusedEmbedding.Embedded embedded) {
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
        return nearest.stream().sorted(Comparator.comparingDouble(Scored::distance)).limit(SHOWN)
                .map(s -> new KeptRankings.Ranked(s.summary(), String.format(Locale.ROOT,
                        "fused embedding of model %s, distance %.2f", embedded.modelVersion(), s.distance())))
                .toList();
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

    private List<KeptRankings.Ranked> byStage(CaseSummary target) {
        if (target.histology() == null) {
            return List.of();
        }
        return store.withHistology(target.histology(), CANDIDATES).stream()
                .filter(s -> !s.caseKey().equals(target.caseKey()))
                .filter(s -> score(target, s) > 0)
                .sorted(Comparator.comparingInt((CaseSummary s) -> score(target, s)).reversed()
                        .thenComparing(CaseSummary::caseKey))
                .limit(SHOWN).map(s -> new KeptRankings.Ranked(s, matchedOn(target, s))).toList();
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
