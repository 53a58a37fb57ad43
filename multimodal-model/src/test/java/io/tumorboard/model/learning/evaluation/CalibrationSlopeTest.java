package io.tumorboard.model.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationSlopeTest {

    /** Exponential survival with log hazard ratio 1 per unit of x, baseline rate 1/1000 per day, no censoring. */
    private static final int N = 3000;
    private final double[] x = new double[N];
    private final double[] time = new double[N];
    private final boolean[] event = new boolean[N];

    CalibrationSlopeTest() {
        Random random = new Random(7);
        for (int i = 0; i < N; i++) {
            x[i] = random.nextGaussian();
            time[i] = -Math.log(random.nextDouble()) / (Math.exp(x[i]) / 1000.0);
            event[i] = true;
        }
    }

    @Test
    void theCoxCoefficientRecoversTheTrueLogHazardRatio() {
        assertThat(CalibrationSlope.coxCoefficient(time, event, x)).isCloseTo(1.0, within(0.06));
    }

    @Test
    void predictionsFromTheTrueModelHaveSlopeOneAndTooExtremeOnesASlopeBelowOne() {
        double horizon = 300; // early enough that no prediction needs clamping near S = 0
        assertThat(CalibrationSlope.of(time, event, survival(x, 1.0, horizon), horizon)).isCloseTo(1.0, within(0.08));
        assertThat(CalibrationSlope.of(time, event, survival(x, 2.0, horizon), horizon)).isCloseTo(0.5, within(0.05));
        assertThat(CalibrationSlope.of(time, event, survival(x, 0.5, horizon), horizon)).isCloseTo(2.0, within(0.16));
    }

    @Test
    void withoutADeathBeforeTheHorizonTheSlopeIsUndetermined() {
        double[] late = new double[] {500, 600, 700};
        assertThat(CalibrationSlope.of(late, new boolean[] {true, true, true}, new double[] {0.9, 0.8, 0.7}, 100))
                .isNaN();
        assertThat(CalibrationSlope.of(late, new boolean[] {true, false, true}, new double[] {0.8, 0.8, 0.8}, 1000))
                .isNaN();
    }

    /** S(t) = exp(−t/1000 · exp(k·x)): the true model when k = 1. */
    private static double[] survival(double[] x, double k, double t) {
        double[] s = new double[x.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(-t / 1000.0 * Math.exp(k * x[i]));
        }
        return s;
    }
}
