package io.tumorboard.board.prognosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.learning.ModelCard;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskGroupsTest {

    /** Six held-out groups of 10 cases, ranges as the learning module writes them (sorted, touching or apart). */
    private static final List<CalibrationGroup> SIX = List.of(
            new CalibrationGroup(10, 0.08, 0.05, 0.02, 0.11),
            new CalibrationGroup(10, 0.14, 0.16, 0.12, 0.16),
            new CalibrationGroup(10, 0.19, 0.22, 0.17, 0.21),
            new CalibrationGroup(10, 0.25, 0.20, 0.22, 0.28),
            new CalibrationGroup(10, 0.33, 0.35, 0.29, 0.38),
            new CalibrationGroup(10, 0.50, 0.55, 0.40, 0.71));

    private static ModelCard card(List<CalibrationGroup> calibration, List<String> limits) {
        return new ModelCard("research use", limits, new ModelCard.TrainingData(60, 20, Map.of("a", 60), 900,
                Map.of()), "held-out", Map.of(), calibration);
    }

    @Test
    void aCaseFallsInTheGroupWhoseThresholdItReachesWithThatGroupsObservedRisk() {
        RiskGroup.Placed g = (RiskGroup.Placed) RiskGroups.place(card(SIX, List.of()), 0.30);
        assertThat(g.group()).isEqualTo(5);
        assertThat(g.groups()).isEqualTo(6);
        assertThat(g.third()).isEqualTo("high");
        assertThat(g.observedRisk()).isEqualTo(0.35);
        assertThat(g.cases()).isEqualTo(10);
        assertThat(g.outsideRange()).isNull();
        assertThat(g.horizonDays()).isEqualTo((int) Math.round(3 * 365.25));
    }

    @Test
    void aRiskBetweenTwoGroupsRangesBelongsToTheLowerGroup() {
        RiskGroup.Placed g = (RiskGroup.Placed) RiskGroups.place(card(SIX, List.of()), 0.115);
        assertThat(g.group()).isEqualTo(1);
        assertThat(g.third()).isEqualTo("low");
        assertThat(((RiskGroup.Placed) RiskGroups.place(card(SIX, List.of()), 0.12)).group()).isEqualTo(2);
        assertThat(((RiskGroup.Placed) RiskGroups.place(card(SIX, List.of()), 0.21)).third()).isEqualTo("intermediate");
    }

    @Test
    void aRiskBeyondEveryHeldOutPredictionIsPlacedAtTheEndAndSaysSo() {
        assertThat(((RiskGroup.Placed) RiskGroups.place(card(SIX, List.of()), 0.01)).outsideRange())
                .isEqualTo("below the lowest held-out prediction");
        RiskGroup.Placed top = (RiskGroup.Placed) RiskGroups.place(card(SIX, List.of()), 0.90);
        assertThat(top.group()).isEqualTo(6);
        assertThat(top.outsideRange()).isEqualTo("above the highest held-out prediction");
    }

    @Test
    void aCardWithoutACalibrationTablePlacesNothingAndQuotesItsOwnLimit() {
        RiskGroup none = RiskGroups.place(card(List.of(), List.of("no calibration table: calibration needs "
                + "case-level predictions across sites")), 0.3);
        assertThat(none.placed()).isFalse();
        assertThat(((RiskGroup.NotPlaced) none).reason()).contains("no calibration table of held-out cases",
                "calibration needs case-level predictions across sites");
    }

    @Test
    void aTableWrittenBeforeRangesWereKeptPlacesNothing() {
        RiskGroup none = RiskGroups.place(card(List.of(new CalibrationGroup(10, 0.2, 0.2, null, null)), List.of()),
                0.3);
        assertThat(((RiskGroup.NotPlaced) none).reason()).contains("does not keep its groups' ranges");
    }
}
