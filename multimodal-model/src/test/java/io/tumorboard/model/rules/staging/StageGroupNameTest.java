package io.tumorboard.model.rules.staging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageGroupNameTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource({"Stage IIIA, IIIA", "IIIa, IIIA", "3A, IIIA", "1A2, IA2", "IA3, IA3", "4, IV", "stage 0, 0",
        "Occult carcinoma, OCCULT", "IVB, IVB"})
    void readsGroupsAsSourcesWriteThem(String text, String expected) {
        assertThat(StageGroupName.normalise(text)).contains(expected);
    }

    @Test
    void textThatIsNoGroupIsEmpty() {
        assertThat(StageGroupName.normalise("IIID")).isEmpty();
        assertThat(StageGroupName.normalise("V")).isEmpty();
        assertThat(StageGroupName.normalise(null)).isEmpty();
    }

    @Test
    void aCoarserGroupAgreesButANeighbourDoesNot() {
        assertThat(StageGroupName.agrees("IA", "IA2")).isTrue();
        assertThat(StageGroupName.agrees("IV", "IVB")).isTrue();
        assertThat(StageGroupName.agrees("III", "IIIC")).isTrue();
        assertThat(StageGroupName.agrees("I", "IIIA")).isFalse();
        assertThat(StageGroupName.agrees("II", "IIIA")).isFalse();
        assertThat(StageGroupName.agrees("IA2", "IA")).isFalse();
        assertThat(StageGroupName.agrees("IIA", "IIB")).isFalse();
    }

    @Test
    void tnmValuesCompareByCategoryNotByText() {
        assertThat(TnmCategory.normalise('T', "pT2a")).contains("T2a");
        assertThat(TnmCategory.normalise('N', "cN2b")).contains("N2b");
        assertThat(TnmCategory.normalise('M', "Tis")).isEmpty();
        assertThat(TnmCategory.compatible("T2", "T2a")).isTrue();
        assertThat(TnmCategory.compatible("TX", "T4")).isTrue();
        assertThat(TnmCategory.compatible("M1", "M1c")).isTrue();
        assertThat(TnmCategory.compatible("T2a", "T2b")).isFalse();
        assertThat(TnmCategory.compatible("N1", "N2")).isFalse();
    }
}
