package io.tumorboard.federation.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoordinateRuleTest {

    private static final float[][] UPDATES = {
        {1f, 10f}, {2f, 20f}, {3f, 30f}, {4f, 40f}, {-100f, 1000f}
    };
    private static final long[] EXAMPLES = {10, 10, 10, 10, 60};

    @Test
    void fedAvgWeightsEachSiteByItsExampleCount() {
        double[] out = new double[2];
        CoordinateRule.weightedMean().combine(UPDATES, EXAMPLES, 2, out);
        assertThat(out[0]).isCloseTo((10 * (1 + 2 + 3 + 4) + 60 * -100) / 100.0, within(1e-9));
        assertThat(out[1]).isCloseTo((10 * (10 + 20 + 30 + 40) + 60 * 1000) / 100.0, within(1e-9));
    }

    @Test
    void theMedianIgnoresOneWildSiteOutOfFivePerCoordinate() {
        double[] out = new double[2];
        CoordinateRule.median().combine(UPDATES, EXAMPLES, 2, out);
        assertThat(out).containsExactly(2.0, 30.0);
        double[] even = new double[1];
        CoordinateRule.median().combine(new float[][] {{1f}, {2f}, {4f}, {8f}}, new long[] {1, 1, 1, 1}, 1, even);
        assertThat(even[0]).isEqualTo(3.0);
    }

    @Test
    void theTrimmedMeanDropsFloorBetaTimesKAtEachEnd() {
        double[] out = new double[2];
        CoordinateRule.trimmedMean(0.2).combine(UPDATES, EXAMPLES, 2, out);
        assertThat(out[0]).isCloseTo((1 + 2 + 3) / 3.0, within(1e-9));
        assertThat(out[1]).isCloseTo((20 + 30 + 40) / 3.0, within(1e-9));
    }

    @Test
    void fedAdamMovesEachCoordinateByAtMostTheServerStepOverTheFirstRound() {
        float[] m = new float[2];
        float[] v = new float[2];
        AdamStep adam = new AdamStep(0.1, 0.9, 0.99, 1e-3, m, v);
        float[] next = new float[2];
        adam.apply(new float[] {1f, 1f}, new double[] {0.5, -2.0}, 0, 2, next);
        // m = 0.1 d, v = 0.01 d^2: step = eta * 0.1 d / (0.1 |d| + tau), just under eta * 1 in magnitude.
        assertThat(next[0]).isCloseTo(1f + (float) (0.1 * 0.05 / (0.05 + 1e-3)), within(1e-6f));
        assertThat(next[1]).isCloseTo(1f - (float) (0.1 * 0.2 / (0.2 + 1e-3)), within(1e-6f));
        assertThat(m[0]).isCloseTo(0.05f, within(1e-7f));
    }
}
