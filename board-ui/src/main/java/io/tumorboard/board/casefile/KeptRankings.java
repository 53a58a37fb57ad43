package io.tumorboard.board.casefile;

import io.tumorboard.board.prognosis.FusedEmbedding;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.util.List;
import java.util.function.Supplier;

/**
 * The similar-case rankings {@link SimilarCases} computed, each under everything it was computed from: the viewed
 * case's version, the promoted model (version, package file and its modification time; none for the stage rule)
 * and the state of the current cases (count and version sum, {@link CaseStore#currentCases()}). A ranking read
 * again under the same key is the same ranking, so a view need not scan up to
 * {@value SimilarCases#EMBEDDED_CANDIDATES} embeddings or query up to 500 stage candidates again; a new case version,
 * a newly promoted or rewritten model, or any write to the store makes a new key. At most {@value #KEPT}
 * rankings (a few hundred bytes each), least recently read dropped first; stale keys are never asked for again
 * and age out.
 */
final class KeptRankings {

    static final int KEPT = 2_000;

    /**
     * What a ranking depends on.
     *
     * @param caseKey the viewed case
     * @param caseVersion its version (its histology and stage, its embedding)
     * @param model the promoted model, null when none is (then the stage rule ranks)
     * @param store the current cases the candidates were read from
     */
    record Key(String caseKey, long caseVersion, FusedEmbedding.ModelState model, CaseStore.CurrentCases store) {
    }

    /**
     * One ranked similar case without the board's decisions on it (those are read per view: a decision signed a
     * minute ago must show, and it changes no case in the store).
     *
     * @param summary the similar case
     * @param matchedOn why it was ranked here
     */
    record Ranked(CaseSummary summary, String matchedOn) {
    }

    private final KeptByKey<Key, List<Ranked>> rankings = new KeptByKey<>(KEPT);

    /**
     * The ranking kept under the key, or the one {@code rank} computes, then kept. Ranked outside the lock: two
     * views that miss together both rank (and get the same answer) rather than queue behind one another.
     */
    List<Ranked> get(Key key, Supplier<List<Ranked>> rank) {
        return rankings.get(key, () -> List.copyOf(rank.get()));
    }
}
