package io.tumorboard.board.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @TempDir
    Path root;

    @Test
    void anAbsentRegistryHasNoVersionsAndNothingPromoted() {
        ModelRegistry registry = new ModelRegistry(new ModelRegistryProperties(root.resolve("missing")));
        assertThat(registry.exists()).isFalse();
        assertThat(registry.versions()).isEmpty();
        assertThat(registry.promoted()).isEmpty();
        assertThat(registry.promotedPackage()).isEmpty();
    }

    @Test
    void aPromotedPointerThatLeavesTheRegistryIsIgnored() throws Exception {
        Files.writeString(root.resolve("promoted"), "../elsewhere");
        assertThat(new ModelRegistry(new ModelRegistryProperties(root)).promotedPackage()).isEmpty();
    }

    @Test
    void versionsSayWhatTheyLackAndThePromotedPointerIsFollowed() throws Exception {
        Path complete = Files.createDirectories(root.resolve("2026.11.2"));
        Files.writeString(complete.resolve("model-card.md"), "# Model card\nC-index 0.68 (95% CI 0.61-0.74)");
        Files.write(complete.resolve("fusion-model.zip"), new byte[] {1, 2});
        Files.createDirectories(root.resolve("2026.11.1"));
        Files.writeString(root.resolve("promoted"), "2026.11.2\n");

        ModelRegistry registry = new ModelRegistry(new ModelRegistryProperties(root));

        assertThat(registry.promoted()).contains("2026.11.2");
        assertThat(registry.versions()).extracting(ModelVersionEntry::version).containsExactly("2026.11.2", "2026.11.1");
        ModelVersionEntry promoted = registry.versions().get(0);
        assertThat(promoted.promoted()).isTrue();
        assertThat(promoted.missing()).isEmpty();
        assertThat(promoted.modelCard()).contains("C-index");
        assertThat(registry.promotedPackage()).map(ModelRegistry.PromotedPackage::file)
                .contains(complete.resolve("fusion-model.zip"));
        assertThat(registry.versions().get(1).missing()).hasSize(2);
    }
}
