package io.tumorboard.federation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.federation.weights.UpdateEncoding;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunConfigurationTest {

    @Test
    void theDigestIsStableAndChangesWithAnyField() {
        RunConfiguration a = RunConfiguration.of("run-1", 10, 3, 2);
        assertThat(a.digest()).isEqualTo(RunConfiguration.of("run-1", 10, 3, 2).digest()).hasSize(64);
        assertThat(a.withStrategy(Strategy.FED_PROX, 0.01).digest()).isNotEqualTo(a.digest());
        assertThat(a.withEncoding(UpdateEncoding.INT8, 1e3).digest()).isNotEqualTo(a.digest());
        assertThat(a.withTraining(1, 0.1, Duration.ofSeconds(30), 43L).digest()).isNotEqualTo(a.digest());
        assertThat(a.withPrivacy(1.0, 1.1, 1e-5).digest()).isNotEqualTo(a.digest());
    }

    @Test
    void anInconsistentConfigurationIsRefusedWithItsReason() {
        assertThatThrownBy(() -> RunConfiguration.of("run", 10, 3, 4))
                .hasMessageContaining("min sites must be in [1, sites per round]");
        assertThatThrownBy(() -> RunConfiguration.of("bad id/../x", 1, 1, 1)).hasMessageContaining("run id");
        assertThatThrownBy(() -> RunConfiguration.of("run", 1, 1, 1).withPrivacy(1.0, 0, 1e-5))
                .hasMessageContaining("noise multiplier");
    }
}
