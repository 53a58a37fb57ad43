package io.tumorboard.model.rules;

import static io.tumorboard.model.rules.CaseFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.PatientCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalRulesTest {

    private final ClinicalRules rules = new ClinicalRules();

    @Test
    void aCleanCaseRaisesNoFlag() {
        PatientCase c = patient("clean").primary(Laterality.RIGHT, "Upper lobe of right lung", "Adenocarcinoma", "8140/3")
                .clinicalStage("T1c", "N0", "M0", "IA3", AjccEdition.EIGHTH, 0).egfr(85, 2)
                .planned("CT chest with contrast", "CT", true, false, true, 5).build();
        assertThat(rules.evaluate(c)).isEmpty();
    }

    @Test
    void runsSafetyAndDiscrepancyChecksTogetherSafetyFirstEachWithRuleIdAndSource() {
        PatientCase c = patient("both").device("Pacemaker", MrSafety.MR_UNSAFE, false)
                .planned("MRI brain", "MR", false, false, false, 5)
                .clinicalStage("T2a", "N2", "M0", "IIB", AjccEdition.EIGHTH, 0).build();
        List<CaseFlag> flags = rules.evaluate(c);
        assertThat(flags).extracting(CaseFlag::type)
                .containsExactly(FlagType.MRI_UNSAFE_DEVICE, FlagType.STAGE_GROUP_INCONSISTENT);
        assertThat(flags).allSatisfy(f -> {
            assertThat(f.ruleId()).isNotBlank();
            assertThat(f.ruleSource()).isNotBlank();
            assertThat(f.summary()).doesNotContain("both");
            assertThat(f.evidence()).isNotEmpty();
        });
    }

    @Test
    void aCaseWithNothingButItsKeyRaisesNothing() {
        PatientCase bare = new PatientCase(null, "bare", "site-a", 1, null, null, null, null, null, null, List.of(), null, null,
                null, null, null);
        assertThat(rules.evaluate(bare)).isEmpty();
    }

    @Test
    void anImpossibleMeasurementIsRefusedNamingTheCaseStudyAndLesion() {
        PatientCase c = patient("bad-1")
                .radiology(0, "CT", null, List.of(new LesionMeasurement("L1", "lung", false, 30.0, false)))
                .radiology(60, "CT", null, List.of(new LesionMeasurement("L1", "lung", false, -4.0, false))).build();
        assertThatThrownBy(() -> rules.evaluate(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case bad-1").hasMessageContaining("study ST-60").hasMessageContaining("lesion L1")
                .hasMessageContaining("-4.0");
    }
}
