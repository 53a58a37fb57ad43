package io.tumorboard.model.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.StageTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedStageFlagTest {

    private final PatientCase documentedT1 = new SyntheticCohort(3).cases(40, List.of("site-a")).stream()
            .filter(c -> StageTarget.T.label(c).orElse(-1) == 0).findFirst().orElseThrow();
    private final LearnedStageFlag flag = new LearnedStageFlag();

    @Test
    void aConfidentContradictingModalityRaisesAFlagWithBothValuesAndTheirSources() {
        var flags = flag.flags(documentedT1, Map.of(Modality.PATHOLOGY,
                Map.of(StageDescriptor.T, new double[] {0.02, 0.03, 0.03, 0.92})));
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FlagType.LEARNED_STAGE_CONTRADICTION);
            assertThat(f.descriptor()).isEqualTo("T");
            assertThat(f.evidence()).extracting(Evidence::value).containsExactly("T1", "T4 (p=0.92)");
            assertThat(f.evidence().get(0).source().reference()).endsWith("-pT");
            assertThat(f.summary()).contains("pathology").doesNotContain(documentedT1.caseKey());
        });
    }

    @Test
    void anUnsureOrAgreeingModalityRaisesNothing() {
        assertThat(flag.flags(documentedT1, Map.of(Modality.IMAGING,
                Map.of(StageDescriptor.T, new double[] {0.1, 0.1, 0.2, 0.6})))).isEmpty();
        assertThat(flag.flags(documentedT1, Map.of(Modality.IMAGING,
                Map.of(StageDescriptor.T, new double[] {0.97, 0.01, 0.01, 0.01})))).isEmpty();
    }

    @Test
    void nodalStatusIsCheckedAsTIs() {
        String documentedN = documentedT1.staging().stream().filter(o -> o.descriptor() == StageDescriptor.N)
                .findFirst().orElseThrow().value();
        int other = StageTarget.N.classOf(documentedN).getAsInt() == 3 ? 0 : 3;
        double[] confident = {0.01, 0.01, 0.01, 0.01};
        confident[other] = 0.97;
        List<CaseFlag> flags = flag.flags(documentedT1, Map.of(Modality.PATHOLOGY, Map.of(StageDescriptor.N, confident)));
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.descriptor()).isEqualTo("N");
            assertThat(f.ruleId()).isEqualTo("LEARNED-N-CONTRADICTION");
            assertThat(f.evidence().get(1).value()).startsWith("N" + other);
        });
    }

    @Test
    void pathologySpeaksForThePathologicalStageAndImagingForTheClinicalOne() {
        List<StageObservation> staging = new ArrayList<>(documentedT1.staging());
        staging.add(new StageObservation(StageBasis.CLINICAL, StageDescriptor.T, "T2b", AjccEdition.EIGHTH, null, null));
        PatientCase c = new PatientCase(null, documentedT1.caseKey(), documentedT1.site(), 1, null,
                documentedT1.demographics(), documentedT1.primaryCancer(), staging, documentedT1.imaging(),
                documentedT1.pathology(), List.of(), documentedT1.clinical(), documentedT1.outcome(), null, null, null);
        double[] t1 = {0.95, 0.03, 0.01, 0.01};
        assertThat(flag.flags(c, Map.of(Modality.IMAGING, Map.of(StageDescriptor.T, t1)))).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::value).containsExactly("T2b", "T1 (p=0.95)"));
        assertThat(flag.flags(c, Map.of(Modality.PATHOLOGY, Map.of(StageDescriptor.T, t1))))
                .as("pT1 in the report against cT2b is re-staging after resection, which the rules judge").isEmpty();
    }

    @Test
    void theStageGroupIsComparedWithTheGroupAsDocumented() {
        List<StageObservation> staging = List.of(
                new StageObservation(StageBasis.CLINICAL, StageDescriptor.GROUP, "IIIC", AjccEdition.EIGHTH, null, null));
        PatientCase c = new PatientCase(null, "k", "s", 1, null, null, null, staging, null, null, List.of(), null,
                null, null, null, null);
        List<CaseFlag> flags = flag.flags(c, Map.of(Modality.IMAGING,
                Map.of(StageDescriptor.GROUP, new double[] {0.01, 0.01, 0.03, 0.95})));
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.descriptor()).isEqualTo("GROUP");
            assertThat(f.summary()).contains("IV").contains("IIIC").contains("stage group");
        });
    }
}
