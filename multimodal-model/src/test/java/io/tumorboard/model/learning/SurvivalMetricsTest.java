package io.tumorboard.model.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SurvivalMetricsTest {

    private final double[] time = {100, 200, 300, 400, 500};
    private final boolean[] allDied = {true, true, true, true, true};

    @Test
    void harrellsCIsOneWhenRiskOrdersDeathsAndZeroWhenReversed() {
        assertThat(SurvivalMetrics.harrellC(time, allDied, new double[] {5, 4, 3, 2, 1})).isEqualTo(1.0);
        assertThat(SurvivalMetrics.harrellC(time, allDied, new double[] {1, 2, 3, 4, 5})).isEqualTo(0.0);
        assertThat(SurvivalMetrics.harrellC(time, allDied, new double[] {1, 1, 1, 1, 1})).isEqualTo(0.5);
    }

    @Test
    void harrellsCCountsOnlyPairsWhoseShorterTimeIsADeath() {
        boolean[] event = {false, true, true, true, true};
        // The censored first subject is ranked wrongly, but no usable pair starts from it: 6 of 6 pairs concordant.
        assertThat(SurvivalMetrics.harrellC(time, event, new double[] {0, 4, 3, 2, 1})).isEqualTo(1.0);
    }

    @Test
    void unosCEqualsHarrellsWithoutCensoring() {
        double[] risk = {5, 3, 4, 1, 2};
        assertThat(SurvivalMetrics.unoC(time, allDied, risk, 1000))
                .isCloseTo(SurvivalMetrics.harrellC(time, allDied, risk), within(1e-12));
    }

    @Test
    void timeDependentAucIsOneWhenEveryEarlyDeathOutranksEverySurvivor() {
        double[] risk = {0.9, 0.8, 0.1, 0.2, 0.3};
        assertThat(SurvivalMetrics.timeDependentAuc(time, allDied, risk, 250)).isEqualTo(1.0);
    }

    @Test
    void brierScoreIsZeroForCertainAndCorrectPredictions() {
        double[] survivalAt250 = {0, 0, 1, 1, 1};
        assertThat(SurvivalMetrics.brier(time, allDied, survivalAt250, 250)).isEqualTo(0.0);
        double[] wrong = {1, 1, 0, 0, 0};
        assertThat(SurvivalMetrics.brier(time, allDied, wrong, 250)).isEqualTo(1.0);
    }
}
