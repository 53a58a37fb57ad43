package io.tumorboard.federation.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RdpAccountantTest {

    @Test
    void withoutSamplingItIsTheGaussianMechanismsClosedForm() {
        RdpAccountant a = new RdpAccountant(2.0, 1.0);
        for (int i = 0; i < 10; i++) {
            a.step();
        }
        double delta = 1e-5;
        double expected = Double.POSITIVE_INFINITY;
        for (int alpha = 2; alpha <= 256; alpha++) {
            expected = Math.min(expected, 10 * alpha / (2 * 4.0) + Math.log(1 / delta) / (alpha - 1));
        }
        assertThat(a.epsilon(delta)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void epsilonGrowsWithStepsAndShrinksWithMoreNoiseOrRarerSampling() {
        RdpAccountant base = accountant(1.1, 0.5, 20);
        assertThat(accountant(1.1, 0.5, 40).epsilon(1e-5)).isGreaterThan(base.epsilon(1e-5));
        assertThat(accountant(2.0, 0.5, 20).epsilon(1e-5)).isLessThan(base.epsilon(1e-5));
        assertThat(accountant(1.1, 0.05, 20).epsilon(1e-5)).isLessThan(base.epsilon(1e-5));
        assertThat(new RdpAccountant(1.1, 0.5).epsilon(1e-5)).isZero();
    }

    private static RdpAccountant accountant(double sigma, double q, int steps) {
        RdpAccountant a = new RdpAccountant(sigma, q);
        for (int i = 0; i < steps; i++) {
            a.step();
        }
        return a;
    }
}
