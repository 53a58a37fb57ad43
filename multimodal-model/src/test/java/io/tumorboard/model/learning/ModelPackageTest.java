package io.tumorboard.model.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.FeaturePipeline;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {

    @TempDir
    Path dir;

    private final List<PatientCase> cases = new SyntheticCohort(9).cases(80, List.of("site-a", "site-b"));
    private final ModelCard card = new ModelCard("research use: ranking resected NSCLC by risk", List.of("not for "
            + "treatment decisions"), new ModelCard.TrainingData(60, 20, Map.of("site-a", 30), 800.0, Map.of()),
            "20 held-out synthetic cases", Map.of("Harrell C", new ModelCard.Estimate(0.7, 0.6, 0.8)), List.of());

    @Test
    void aSavedPackagePredictsExactlyAsTheModelItWasSavedFrom() {
        FusionModel model = FusionModel.create(FusionModelTest.TINY, FeaturePipeline.fit(cases.subList(0, 60)));
        model.train(cases.subList(0, 60), TrainingConfig.local(2).withValidation(cases.subList(60, 80)));
        Path file = dir.resolve("model.zip");
        ModelPackage.save(model, card, file);
        ModelPackage.Loaded loaded = ModelPackage.load(file);
        assertThat(loaded.model().parameters()).containsExactly(model.parameters());
        Prediction before = model.predict(cases.get(70));
        Prediction after = loaded.model().predict(cases.get(70));
        assertThat(after.riskScore()).isEqualTo(before.riskScore());
        assertThat(after.oodDistance()).isEqualTo(before.oodDistance());
        assertThat(loaded.model().pipeline()).isEqualTo(model.pipeline());
        assertThat(loaded.card().metrics()).containsKey("Harrell C");
    }

    @Test
    void aPackageOfAnotherSchemaVersionIsRefusedNamingBothVersions() throws IOException {
        FusionModel model = FusionModel.create(FusionModelTest.TINY, FeaturePipeline.fit(cases));
        model.train(cases, TrainingConfig.local(1));
        Path file = dir.resolve("old.zip");
        ModelPackage.save(model, card, file);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of())) {
            Path manifest = zip.getPath(ModelPackage.MANIFEST);
            String json = Files.readString(manifest, StandardCharsets.UTF_8)
                    .replace("\"packageVersion\" : " + ModelPackage.PACKAGE_VERSION, "\"packageVersion\" : 1");
            Files.writeString(manifest, json, StandardCharsets.UTF_8);
        }
        assertThatThrownBy(() -> ModelPackage.load(file))
                .isInstanceOf(ModelPackage.ModelPackageException.class)
                .hasMessageContaining("old.zip").hasMessageContaining("version 1")
                .hasMessageContaining("version " + ModelPackage.PACKAGE_VERSION).hasMessageContaining("retrain");
    }

    @Test
    void aPackageBuiltForAnotherMajorCaseSchemaIsRefused() throws IOException {
        FusionModel model = FusionModel.create(FusionModelTest.TINY, FeaturePipeline.fit(cases));
        Path file = dir.resolve("future.zip");
        ModelPackage.save(model, card, file);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of())) {
            Path manifest = zip.getPath(ModelPackage.MANIFEST);
            String json = Files.readString(manifest, StandardCharsets.UTF_8)
                    .replace("\"caseSchemaVersion\" : \"" + CaseCodec.SCHEMA_VERSION + "\"", "\"caseSchemaVersion\" : \"2.0\"");
            Files.writeString(manifest, json, StandardCharsets.UTF_8);
        }
        assertThatThrownBy(() -> ModelPackage.load(file)).isInstanceOf(ModelPackage.ModelPackageException.class)
                .hasMessageContaining("case schema 2.0").hasMessageContaining(CaseCodec.SCHEMA_VERSION);
    }

    @Test
    void theModelCardRendersAsMarkdownABoardMemberCanRead() {
        String markdown = card.toMarkdown("test model", ModelSpec.defaults());
        assertThat(markdown).contains("## Intended use", "## Limits", "| Harrell C | 0.700 | 0.600 – 0.800 |");
    }
}
