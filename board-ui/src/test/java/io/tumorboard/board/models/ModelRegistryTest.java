package io.tumorboard.board.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.board.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @TempDir
    Path root;

    private ModelRegistry registry() {
        return new ModelRegistry(new ModelRegistryProperties(root));
    }

    @Test
    void anAbsentRegistryHasNoVersionsRunsOrPromotion() {
        ModelRegistry registry = new ModelRegistry(new ModelRegistryProperties(root.resolve("missing")));
        assertThat(registry.exists()).isFalse();
        assertThat(registry.versions()).isEmpty();
        assertThat(registry.promoted()).isEmpty();
        assertThat(registry.promotedPackage()).isEmpty();
        assertThat(new TrainingRuns(registry).runs()).isEmpty();
    }

    @Test
    void aPromotedPointerNotInTheContractsFormIsNeverFollowed() throws Exception {
        TestRegistry.write(root);
        Files.writeString(root.resolve("promoted"), "../elsewhere/round-0001");
        assertThat(registry().promoted()).isEmpty();
        assertThat(registry().promotedPackage()).isEmpty();
    }

    @Test
    void versionsCarryTheirLineageAndModelCardAndThePromotedPointerIsFollowed() throws Exception {
        TestRegistry.write(root);
        Files.writeString(root.resolve("promoted"), TestRegistry.ROUND_2 + "\n");

        ModelRegistry registry = registry();

        assertThat(registry.versions()).extracting(ModelVersionEntry::version)
                .containsExactly(TestRegistry.ROUND_2, TestRegistry.ROUND_1);
        ModelVersionEntry newest = registry.versions().get(0);
        assertThat(newest.promoted()).isTrue();
        assertThat(newest.missing()).isEmpty();
        assertThat(newest.modelCard()).contains("research use only");
        assertThat(newest.lineage().run()).isEqualTo(TestRegistry.RUN);
        assertThat(newest.lineage().round()).isEqualTo(2);
        assertThat(newest.lineage().strategy()).isEqualTo("FED_AVG");
        assertThat(newest.lineage().sites()).containsExactly("site-a", "site-b");
        assertThat(newest.lineage().siteMetrics().get("site-b")).containsEntry("c_index", "0.6200")
                .containsEntry("examples", "10");
        assertThat(newest.lineage().parent()).isEqualTo(TestRegistry.ROUND_1);
        assertThat(registry.versions().get(1).lineage().parent()).isNull();
        assertThat(registry.promotedPackage()).map(ModelRegistry.PromotedPackage::file)
                .contains(root.resolve(TestRegistry.ROUND_2).resolve("model.zip"));
    }

    @Test
    void aVersionWithoutPackageOrLineageSaysWhatItLacksAndCannotBePromoted() throws Exception {
        Files.createDirectories(root.resolve("broken-run/round-0001"));
        ModelVersionEntry broken = registry().versions().get(0);
        assertThat(broken.missing()).hasSize(2);
        assertThat(broken.lineage()).isNull();
        assertThatThrownBy(() -> registry().promote("broken-run/round-0001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks");
        assertThat(root.resolve("promoted")).doesNotExist();
    }

    @Test
    void promotionReplacesThePointerWithOneLineAndLeavesNoTemporaryFile() throws Exception {
        TestRegistry.write(root);
        Files.writeString(root.resolve("promoted"), TestRegistry.ROUND_1 + "\n");
        registry().promote(TestRegistry.ROUND_2);
        assertThat(Files.readString(root.resolve("promoted"))).isEqualTo(TestRegistry.ROUND_2 + "\n");
        assertThat(registry().promoted()).contains(TestRegistry.ROUND_2);
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(TestRegistry.RUN, "promoted");
        }
        assertThatThrownBy(() -> registry().promote(TestRegistry.RUN + "/round-0009"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no model version");
    }
}
