package io.tumorboard.model.learning.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DocumentedStageTest {

    @Test
    void theStageGroupIsComputedFromTnmUnderTheirOwnEditionBeforeTheDocumentedGroupIsRead() {
        // AJCC 7th ed., ch. 25: T2a N2 M0 is IIIA; the documented (wrong) group IB must not win.
        PatientCase c = withStaging(List.of(obs(StageDescriptor.T, "T2a", AjccEdition.SEVENTH),
                obs(StageDescriptor.N, "N2", AjccEdition.SEVENTH), obs(StageDescriptor.M, "M0", AjccEdition.SEVENTH),
                obs(StageDescriptor.GROUP, "IB", AjccEdition.SEVENTH)));
        assertThat(DocumentedStage.stageGroupOrdinal(c)).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void withoutAnEditionTheDocumentedGroupIsUsedAndNeverARegroupingUnderAGuessedEdition() {
        PatientCase c = withStaging(List.of(obs(StageDescriptor.T, "T2a", AjccEdition.UNKNOWN),
                obs(StageDescriptor.N, "N2", AjccEdition.UNKNOWN), obs(StageDescriptor.M, "M0", AjccEdition.UNKNOWN),
                obs(StageDescriptor.GROUP, "IB", AjccEdition.UNKNOWN)));
        assertThat(DocumentedStage.stageGroupOrdinal(c)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void pathologicalTIsPreferredAndItsPrefixIsRead() {
        PatientCase c = withStaging(List.of(
                new StageObservation(StageBasis.CLINICAL, StageDescriptor.T, "T1b", AjccEdition.EIGHTH, null, null),
                obs(StageDescriptor.T, "pT3", AjccEdition.EIGHTH)));
        assertThat(StageTarget.T.label(c)).isEqualTo(OptionalInt.of(2));
        assertThat(DocumentedStage.ordinal("Tis")).isEqualTo(OptionalInt.of(0));
        assertThat(DocumentedStage.ordinal("TX")).isEmpty();
    }

    @Test
    void theHeadsLearnTOneToFourNZeroToThreeAndGroupsOneToFour() {
        PatientCase c = withStaging(List.of(obs(StageDescriptor.T, "T2a", AjccEdition.EIGHTH),
                obs(StageDescriptor.N, "pN2", AjccEdition.EIGHTH), obs(StageDescriptor.M, "M0", AjccEdition.EIGHTH)));
        assertThat(StageTarget.N.label(c)).isEqualTo(OptionalInt.of(2));
        assertThat(StageTarget.GROUP.label(c)).as("T2a N2 M0 is IIIA under the 8th edition").isEqualTo(OptionalInt.of(2));
        assertThat(StageTarget.T.classOf("Tis")).isEmpty();
        assertThat(StageTarget.N.classOf("NX")).isEmpty();
        assertThat(StageTarget.GROUP.classOf("0")).isEmpty();
        assertThat(StageTarget.N.name(0)).isEqualTo("N0");
        assertThat(StageTarget.T.name(3)).isEqualTo("T4");
        assertThat(StageTarget.GROUP.name(2)).isEqualTo("III");
    }

    private static StageObservation obs(StageDescriptor d, String value, AjccEdition edition) {
        return new StageObservation(StageBasis.PATHOLOGICAL, d, value, edition, null, null);
    }

    private static PatientCase withStaging(List<StageObservation> staging) {
        return new PatientCase(null, "k", "s", 1, null, null, null, staging, null, null, List.of(), null, null, null, null, null);
    }
}
