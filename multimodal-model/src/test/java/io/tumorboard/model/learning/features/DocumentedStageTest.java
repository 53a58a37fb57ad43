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
        assertThat(DocumentedStage.tClass(c)).isEqualTo(OptionalInt.of(2));
        assertThat(DocumentedStage.ordinal("Tis")).isEqualTo(OptionalInt.of(0));
        assertThat(DocumentedStage.ordinal("TX")).isEmpty();
    }

    private static StageObservation obs(StageDescriptor d, String value, AjccEdition edition) {
        return new StageObservation(StageBasis.PATHOLOGICAL, d, value, edition, null, null);
    }

    private static PatientCase withStaging(List<StageObservation> staging) {
        return new PatientCase(null, "k", "s", 1, null, null, null, staging, null, null, List.of(), null, null, null, null, null);
    }
}
