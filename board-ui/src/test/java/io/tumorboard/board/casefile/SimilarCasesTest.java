package io.tumorboard.board.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tumorboard.board.decision.DecisionRepository;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.prognosis.FusedEmbedding;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimilarCasesTest {

    private final CaseStore store = mock(CaseStore.class);
    private final DecisionRepository decisions = mock(DecisionRepository.class);
    private final FusedEmbedding embedding = mock(FusedEmbedding.class);
    private final SimilarCases similar = new SimilarCases(store, decisions, embedding);

    private static final FusedEmbedding.ModelState MODEL = new FusedEmbedding.ModelState("2026.12.1",
            Path.of("registry/run/round-0001/model.zip"), FileTime.fromMillis(0));

    private static CaseSummary summary(String key, String histology, String stage) {
        return new CaseSummary(key, 1, "site", "lung", histology, stage, null, 0, 0, true, true, true, null);
    }

    private final CaseSummary target = summary("t", "Adenocarcinoma", "IIIA");
    private final List<CaseSummary> others = List.of(summary("same-group", "Adenocarcinoma", "IIIA"),
            summary("same-number", "Adenocarcinoma", "IIIB"), summary("other-stage", "Adenocarcinoma", "IA1"),
            summary("other-histology", "Squamous cell carcinoma", "IIIA"));

    @BeforeEach
    void store() {
        when(store.search(anyString(), anyInt())).thenReturn(java.util.stream.Stream.concat(List.of(target).stream(),
                others.stream()).toList());
        when(store.withHistology(anyString(), anyInt())).thenReturn(java.util.stream.Stream.concat(
                List.of(target).stream(), others.stream()).filter(s -> "Adenocarcinoma".equalsIgnoreCase(s.histology()))
                .toList());
        when(store.current(anyString())).thenReturn(DemoCases.all().get(0).patientCase());
        when(decisions.signedFor(any())).thenReturn(List.of());
        when(store.currentCases()).thenReturn(new CaseStore.CurrentCases(5, 5));
    }

    @Test
    void withoutAPromotedModelTheSameHistologyAndStageGroupComeFirst() {
        when(embedding.promotedModel()).thenReturn(Optional.empty());
        List<SimilarCase> nearest = similar.nearest(target);
        assertThat(nearest).extracting(s -> s.summary().caseKey()).containsExactly("same-group", "same-number");
        assertThat(nearest.get(0).matchedOn()).contains("same group");
        // no case is gathered for embedding when nothing can embed it
        verify(embedding, never()).embed(any(), any());
    }

    @Test
    void withAPromotedModelTheNearestFusedEmbeddingsComeFirstAndUnencodableCasesAreLeftOut() {
        when(embedding.promotedModel()).thenReturn(Optional.of(MODEL));
        when(embedding.embed(any(), any())).thenReturn(Optional.of(new FusedEmbedding.Embedded("2026.12.1", Arrays.asList(
                new double[] {0, 0}, new double[] {3, 4}, null, new double[] {1, 0}, new double[] {0, 2}))));
        List<SimilarCase> nearest = similar.nearest(target);
        assertThat(nearest).extracting(s -> s.summary().caseKey())
                .containsExactly("other-stage", "other-histology", "same-group");
        assertThat(nearest.get(0).matchedOn()).isEqualTo("fused embedding of model 2026.12.1, distance 1.00");
    }

    @Test
    void aTargetTheModelCannotEncodeFallsBackToTheStageRule() {
        when(embedding.promotedModel()).thenReturn(Optional.of(MODEL));
        when(embedding.embed(eq(List.of()), any())).thenReturn(Optional.empty());
        when(embedding.embed(any(), any())).thenReturn(Optional.of(new FusedEmbedding.Embedded("2026.12.1",
                Arrays.asList(null, new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1}))));
        assertThat(similar.nearest(target)).extracting(s -> s.summary().caseKey())
                .containsExactly("same-group", "same-number");
    }
}
