package io.tumorboard.model.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.StageDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnedFlagScoreTest {

    @TempDir
    Path truth;

    @Test
    void injectedStageDiscrepanciesAreReadAsTheDescriptorAStageHeadWouldName() throws IOException {
        Files.createDirectories(truth.resolve("site-a"));
        Files.writeString(truth.resolve("site-a/discrepancies.jsonl"), String.join("\n",
                "{\"caseKey\":\"a\",\"type\":\"CLINICAL_PATHOLOGICAL_STAGE_CONFLICT\",\"descriptor\":\"T\"}",
                "{\"caseKey\":\"b\",\"type\":\"STAGE_GROUP_INCONSISTENT\",\"descriptor\":\"GROUP\"}",
                "{\"caseKey\":\"c\",\"type\":\"TUMOR_SIZE_CONFLICT\",\"descriptor\":\"size\"}",
                "{\"caseKey\":\"d\",\"type\":\"LATERALITY_CONFLICT\",\"descriptor\":\"laterality\"}",
                "{\"caseKey\":\"e\",\"type\":\"CLINICAL_PATHOLOGICAL_STAGE_CONFLICT\",\"descriptor\":\"M\"}", ""));
        assertThat(InjectedStageDiscrepancies.read(truth)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a", Set.of(StageDescriptor.T), "b", Set.of(StageDescriptor.GROUP), "c", Set.of(StageDescriptor.T)));
    }

    @Test
    void flagsAreScoredPerDescriptorAndVersionsOfACaseCountOnce() {
        List<HeldOutFlags> heldOut = List.of(
                new HeldOutFlags("a", Set.of(StageDescriptor.T)),
                new HeldOutFlags("a", Set.of()),
                new HeldOutFlags("b", Set.of(StageDescriptor.N)),
                new HeldOutFlags("c", Set.of()));
        Map<String, Set<StageDescriptor>> injected = Map.of("a", Set.of(StageDescriptor.T),
                "c", Set.of(StageDescriptor.GROUP), "not-held-out", Set.of(StageDescriptor.T));
        List<LearnedFlagScore> scores = LearnedFlagScore.score(heldOut, injected);
        assertThat(scores).extracting(LearnedFlagScore::descriptor)
                .containsExactly(StageDescriptor.T, StageDescriptor.N, StageDescriptor.GROUP, null);
        assertThat(scores.get(0)).isEqualTo(new LearnedFlagScore(StageDescriptor.T, 3, 1, 0, 0));
        assertThat(scores.get(1)).isEqualTo(new LearnedFlagScore(StageDescriptor.N, 3, 0, 1, 0));
        assertThat(scores.get(2)).isEqualTo(new LearnedFlagScore(StageDescriptor.GROUP, 3, 0, 0, 1));
        assertThat(scores.get(3).precision()).isEqualTo(0.5);
        assertThat(scores.get(3).recall()).isEqualTo(0.5);
    }
}
