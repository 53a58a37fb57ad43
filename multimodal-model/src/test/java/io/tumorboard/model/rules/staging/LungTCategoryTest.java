package io.tumorboard.model.rules.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LungTCategoryTest {

    @ParameterizedTest(name = "{0} mm is {1}")
    @CsvSource({
        "0.5, T1a", "10, T1a", "10.1, T1b", "20, T1b", "20.5, T1c", "30, T1c", "30.1, T2a", "40, T2a",
        "41, T2b", "50, T2b", "51, T3", "70, T3", "70.1, T4", "120, T4"
    })
    void sizeBandsAreClosedAtTheirUpperEnd(double mm, String expected) {
        assertThat(LungTCategory.eighthEdition(mm, Set.of())).isEqualTo(expected);
    }

    @Test
    void aT2FeatureMakesASmallTumourT2aAndALargerOneT2b() {
        assertThat(LungTCategory.eighthEdition(18.0, Set.of(TumorExtent.VISCERAL_PLEURA))).isEqualTo("T2a");
        assertThat(LungTCategory.eighthEdition(null, Set.of(TumorExtent.MAIN_BRONCHUS))).isEqualTo("T2a");
        assertThat(LungTCategory.eighthEdition(45.0, Set.of(TumorExtent.ATELECTASIS_TO_HILUM))).isEqualTo("T2b");
    }

    @Test
    void invasionCriteriaRaiseTToThreeOrFourWhateverTheSize() {
        assertThat(LungTCategory.eighthEdition(15.0, Set.of(TumorExtent.CHEST_WALL))).isEqualTo("T3");
        assertThat(LungTCategory.eighthEdition(15.0, Set.of(TumorExtent.SEPARATE_NODULE_SAME_LOBE))).isEqualTo("T3");
        assertThat(LungTCategory.eighthEdition(15.0, Set.of(TumorExtent.PARIETAL_PERICARDIUM))).isEqualTo("T3");
        for (TumorExtent t4 : EnumSet.of(TumorExtent.DIAPHRAGM, TumorExtent.MEDIASTINUM, TumorExtent.HEART,
                TumorExtent.GREAT_VESSELS, TumorExtent.TRACHEA, TumorExtent.RECURRENT_LARYNGEAL_NERVE,
                TumorExtent.ESOPHAGUS, TumorExtent.VERTEBRAL_BODY, TumorExtent.CARINA,
                TumorExtent.SEPARATE_NODULE_OTHER_IPSILATERAL_LOBE)) {
            assertThat(LungTCategory.eighthEdition(12.0, Set.of(t4))).as(t4.name()).isEqualTo("T4");
        }
        assertThat(LungTCategory.eighthEdition(60.0, Set.of(TumorExtent.VISCERAL_PLEURA))).isEqualTo("T3");
    }

    @Test
    void inSituAndMinimallyInvasiveAdenocarcinomaUpToThreeCentimetres() {
        assertThat(LungTCategory.eighthEdition(25.0, Set.of(TumorExtent.ADENOCARCINOMA_IN_SITU))).isEqualTo("Tis");
        assertThat(LungTCategory.eighthEdition(4.0, Set.of(TumorExtent.MINIMALLY_INVASIVE_ADENOCARCINOMA)))
                .isEqualTo("T1mi");
        assertThat(LungTCategory.eighthEdition(35.0, Set.of(TumorExtent.MINIMALLY_INVASIVE_ADENOCARCINOMA)))
                .as("over 3 cm is no longer minimally invasive by definition").isEqualTo("T2a");
        assertThat(LungTCategory.eighthEdition(20.0, Set.of(TumorExtent.ADENOCARCINOMA_IN_SITU,
                TumorExtent.VISCERAL_PLEURA))).as("pleural invasion overrides in situ").isEqualTo("T2a");
    }

    @Test
    void noSizeAndNoFindingIsTxAndANegativeSizeIsRefused() {
        assertThat(LungTCategory.eighthEdition(null, Set.of())).isEqualTo("TX");
        assertThatThrownBy(() -> LungTCategory.eighthEdition(-3.0, Set.of())).hasMessageContaining("-3.0");
    }
}
