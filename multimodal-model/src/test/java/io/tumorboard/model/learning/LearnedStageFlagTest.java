package io.tumorboard.model.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.DocumentedStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedStageFlagTest {

    private final PatientCase documentedT1 = new SyntheticCohort(3).cases(40, List.of("site-a")).stream()
            .filter(c -> DocumentedStage.tClass(c).orElse(-1) == 0).findFirst().orElseThrow();
    private final LearnedStageFlag flag = new LearnedStageFlag();

    @Test
    void aConfidentContradictingModalityRaisesAFlagWithBothValuesAndTheirSources() {
        var flags = flag.flags(documentedT1, Map.of(Modality.PATHOLOGY, new double[] {0.02, 0.03, 0.03, 0.92}));
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FlagType.LEARNED_STAGE_CONTRADICTION);
            assertThat(f.evidence()).extracting(Evidence::value).containsExactly("T1", "T4 (p=0.92)");
            assertThat(f.evidence().get(0).source().reference()).endsWith("-pT");
            assertThat(f.summary()).contains("pathology").doesNotContain(documentedT1.caseKey());
        });
    }

    @Test
    void anUnsureOrAgreeingModalityRaisesNothing() {
        assertThat(flag.flags(documentedT1, Map.of(Modality.IMAGING, new double[] {0.1, 0.1, 0.2, 0.6}))).isEmpty();
        assertThat(flag.flags(documentedT1, Map.of(Modality.IMAGING, new double[] {0.97, 0.01, 0.01, 0.01}))).isEmpty();
    }
}
