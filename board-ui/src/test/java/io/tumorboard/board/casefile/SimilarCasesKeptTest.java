package io.tumorboard.board.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.decision.DecisionStatus;
import io.tumorboard.board.prognosis.FusedEmbedding;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A similar-case ranking is kept for the next view of the same case version, and ranked again as soon as anything
 * it was ranked from changes: the viewed case's version, the promoted model, or the cases in the store. The board's
 * signed decisions on the ranked cases are never kept.
 */
class SimilarCasesKeptTest {

    private static final Path PACKAGE = Path.of("registry/run-a/round-0003/model.zip");
    private static final FusedEmbedding.ModelState ROUND_3 = new FusedEmbedding.ModelState("run-a/round-0003",
            PACKAGE, FileTime.fromMillis(1_000));

    private final CaseStore store = mock(CaseStore.class);
    private final DecisionRepository decisions = mock(DecisionRepository.class);
    private final FusedEmbedding embedding = mock(FusedEmbedding.class);
    private final SimilarCases similar = new SimilarCases(store, decisions, embedding);

    private final CaseSummary viewed = summary("viewed", 1, "IIIA");
    private final List<CaseSummary> current = new ArrayList<>(List.of(viewed, summary("same-group", 1, "IIIA"),
            summary("same-number", 4, "IIIB")));

    private static CaseSummary summary(String key, long version, String stage) {
        return new CaseSummary(key, version, "site", "lung", "Adenocarcinoma", stage, null, 0, 0, true, true, true,
                null);
    }

    @BeforeEach
    void aStoreWithoutAPromotedModel() {
        when(store.withHistology(anyString(), anyInt())).thenAnswer(call -> List.copyOf(current));
        when(store.search(anyString(), anyInt())).thenAnswer(call -> List.copyOf(current));
        when(store.currentCases()).thenAnswer(call -> new CaseStore.CurrentCases(current.size(),
                current.stream().mapToLong(CaseSummary::caseVersion).sum()));
        when(decisions.signedFor(any())).thenReturn(List.of());
        when(embedding.promotedModel()).thenReturn(Optional.empty());
    }

    private List<String> keysOf(CaseSummary target) {
        return similar.nearest(target).stream().map(s -> s.summary().caseKey()).toList();
    }

    @Test
    void aSecondViewOfTheSameCaseVersionIsAnsweredFromTheKeptRanking() {
        assertThat(keysOf(viewed)).containsExactly("same-group", "same-number");
        assertThat(keysOf(viewed)).containsExactly("same-group", "same-number");

        verify(store, times(1)).withHistology(anyString(), anyInt());
    }

    @Test
    void aNewVersionOfTheViewedCaseIsRankedAgain() {
        keysOf(viewed);
        CaseSummary restaged = new CaseSummary("viewed", 2, "site", "lung", "Adenocarcinoma", "IIIB", null, 0, 0, true,
                true, true, null);
        current.set(0, restaged);

        assertThat(keysOf(restaged)).containsExactly("same-number", "same-group");
        verify(store, times(2)).withHistology(anyString(), anyInt());
    }

    @Test
    void aNewCaseInTheStoreIsRankedAgainAndCanBeNearest() {
        keysOf(viewed);
        current.add(summary("arrived", 1, "IIIA"));

        assertThat(keysOf(viewed)).containsExactly("arrived", "same-group", "same-number");
    }

    @Test
    void aNewVersionOfAnotherCaseInTheStoreIsRankedAgain() {
        keysOf(viewed);
        current.set(2, summary("same-number", 5, "IIIA"));

        assertThat(keysOf(viewed)).containsExactly("same-group", "same-number");
        assertThat(similar.nearest(viewed).get(1).matchedOn()).contains("stage IIIA (same group)");
        verify(store, times(2)).withHistology(anyString(), anyInt());
    }

    @Test
    void aNewlyPromotedModelRanksAgainByItsOwnEmbeddings() {
        keysOf(viewed);
        promote(ROUND_3, new double[] {0, 0}, new double[] {5, 0}, new double[] {1, 0});

        List<SimilarCase> byModel = similar.nearest(viewed);
        assertThat(byModel).extracting(s -> s.summary().caseKey()).containsExactly("same-number", "same-group");
        assertThat(byModel.get(0).matchedOn()).startsWith("fused embedding of model run-a/round-0003");

        FusedEmbedding.ModelState round4 = new FusedEmbedding.ModelState("run-a/round-0004",
                Path.of("registry/run-a/round-0004/model.zip"), FileTime.fromMillis(2_000));
        promote(round4, new double[] {0, 0}, new double[] {1, 0}, new double[] {5, 0});
        assertThat(keysOf(viewed)).containsExactly("same-group", "same-number");
        verify(embedding, times(2)).embed(any(), any());
    }

    @Test
    void aModelPackageRewrittenUnderTheSameVersionIsRankedAgain() {
        promote(ROUND_3, new double[] {0, 0}, new double[] {5, 0}, new double[] {1, 0});
        keysOf(viewed);
        keysOf(viewed);
        verify(embedding, times(1)).embed(any(), any());

        promote(new FusedEmbedding.ModelState(ROUND_3.version(), PACKAGE, FileTime.fromMillis(9_000)),
                new double[] {0, 0}, new double[] {1, 0}, new double[] {5, 0});
        assertThat(keysOf(viewed)).containsExactly("same-group", "same-number");
        verify(embedding, times(2)).embed(any(), any());
    }

    @Test
    void withdrawingThePromotedModelReturnsToTheStageRule() {
        promote(ROUND_3, new double[] {0, 0}, new double[] {5, 0}, new double[] {1, 0});
        assertThat(keysOf(viewed)).containsExactly("same-number", "same-group");

        when(embedding.promotedModel()).thenReturn(Optional.empty());
        assertThat(similar.nearest(viewed).get(0).matchedOn()).contains("(same group)");
    }

    @Test
    void aDecisionSignedSinceTheLastViewShowsAtOnce() {
        assertThat(similar.nearest(viewed).get(0).decisions()).isEmpty();
        BoardDecision signed = new BoardDecision(1, 1, "same-group", 1, 0, DecisionStatus.SIGNED, null, "chair",
                Instant.EPOCH, "chair", Instant.EPOCH);
        when(decisions.signedFor(any())).thenReturn(List.of(signed));

        assertThat(similar.nearest(viewed).get(0).decisions()).containsExactly(signed);
        verify(store, times(1)).withHistology(anyString(), anyInt());
    }

    /** Promotes a model whose embeddings of the viewed case and the two others (in store order) are given. */
    private void promote(FusedEmbedding.ModelState model, double[]... vectors) {
        when(embedding.promotedModel()).thenReturn(Optional.of(model));
        List<double[]> rows = new ArrayList<>(List.of(vectors));
        when(embedding.embed(any(), any())).thenReturn(Optional.of(new FusedEmbedding.Embedded(model.version(),
                Collections.unmodifiableList(rows))));
    }
}
