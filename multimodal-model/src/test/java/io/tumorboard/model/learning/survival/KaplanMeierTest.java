package io.tumorboard.model.learning.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    @Test
    void censoredSubjectsLeaveTheRiskSetWithoutAStep() {
        // 5 at risk: death at 1 (4/5), censored at 2, death at 3 among 3 at risk (4/5 · 2/3), death at 4 (· 1/2)
        KaplanMeier km = KaplanMeier.of(new double[] {1, 2, 3, 4, 5}, new boolean[] {true, false, true, true, false});
        assertThat(km.at(0.5)).isEqualTo(1.0);
        assertThat(km.at(1)).isCloseTo(0.8, within(1e-12));
        assertThat(km.at(2.5)).isCloseTo(0.8, within(1e-12));
        assertThat(km.at(3)).isCloseTo(0.8 * 2 / 3, within(1e-12));
        assertThat(km.before(3)).isCloseTo(0.8, within(1e-12));
        assertThat(km.at(10)).isCloseTo(0.8 * 2 / 3 / 2, within(1e-12));
    }
}
