package io.tumorboard.model.learning.survival;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.Outcome;
import org.junit.jupiter.api.Test;

class SurvivalIntervalsTest {

    private final SurvivalIntervals grid = new SurvivalIntervals(5, 500); // 100-day intervals

    @Test
    void aDeathMarksItsIntervalAndNothingAfter() {
        assertThat(grid.labels(new Outcome(250, true, null))).containsExactly(0f, 0f, 1f, -1f, -1f);
    }

    @Test
    void aCensoringInTheSecondHalfOfAnIntervalCountsItAsSurvived() {
        assertThat(grid.labels(new Outcome(260, false, null))).containsExactly(0f, 0f, 0f, -1f, -1f);
        assertThat(grid.labels(new Outcome(230, false, null))).containsExactly(0f, 0f, -1f, -1f, -1f);
    }

    @Test
    void survivalBeyondTheHorizonCountsEveryIntervalAsSurvived() {
        assertThat(grid.labels(new Outcome(900, true, null))).containsExactly(0f, 0f, 0f, 0f, 0f);
    }

    @Test
    void anUnknownOutcomeIsAtRiskNowhere() {
        assertThat(grid.labels(null)).containsOnly(-1f);
    }

    @Test
    void theSurvivalCurveIsTheProductOfConditionalSurvivals() {
        assertThat(grid.survivalCurve(new double[] {0.5, 0.5, 0, 0, 1})).containsExactly(0.5, 0.25, 0.25, 0.25, 0.0);
    }
}
