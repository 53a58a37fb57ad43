package io.tumorboard.federation.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.federation.run.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    private static final Path CONFIG = Path.of("config");

    @TempDir
    Path dir;

    @Test
    void theExampleFilesBindCompletelyWithPathsBesideThem() {
        CoordinatorSettings c = CoordinatorSettings.read(CONFIG.resolve("coordinator.yaml"), List.of());
        assertThat(c.run().configuration().strategy()).isEqualTo(Strategy.FED_AVG);
        assertThat(c.tls().caCertificate()).isEqualTo(CONFIG.toAbsolutePath().resolve("certs/ca.crt").normalize());
        assertThat(c.features().summaries()).hasSize(3).allSatisfy(p -> assertThat(p).isAbsolute());
        SiteSettings s = SiteSettings.read(CONFIG.resolve("site.yaml"), List.of());
        assertThat(s.name()).isEqualTo("hospital-a");
        assertThat(s.run()).isEqualTo(c.run().id());
        assertThat(s.cases()).isEqualTo(CONFIG.toAbsolutePath().resolve("cases").normalize());
    }

    @Test
    void overridesApplyBeforeBindingAndAbsolutePathsStayAsGiven() {
        Path abs = dir.resolve("elsewhere");
        CoordinatorSettings c = CoordinatorSettings.read(CONFIG.resolve("coordinator.yaml"),
                List.of("listen.port=0", "run.rounds=3", "sites=[x, y]", "work=" + abs, "run.strategy=TRIMMED_MEAN"));
        assertThat(c.listen().port()).isZero();
        assertThat(c.run().rounds()).isEqualTo(3);
        assertThat(c.sites()).containsExactly("x", "y");
        assertThat(c.work()).isEqualTo(abs);
        assertThat(c.run().strategy()).isEqualTo(Strategy.TRIMMED_MEAN);
    }

    @Test
    void aMisspelledOrMissingKeyIsAnErrorNamingTheFile() throws Exception {
        assertThatThrownBy(() -> CoordinatorSettings.read(CONFIG.resolve("coordinator.yaml"), List.of("run.roundz=3")))
                .hasMessageContaining("coordinator.yaml").hasMessageContaining("roundz");
        Path partial = dir.resolve("site.yaml");
        Files.writeString(partial, "name: hospital-a\n");
        assertThatThrownBy(() -> SiteSettings.read(partial, List.of())).hasMessageContaining("site.yaml");
    }
}
