package io.tumorboard.board.prognosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.models.ModelRegistry;
import io.tumorboard.board.models.ModelRegistryProperties;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelCard;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model panel fed by a real (tiny, synthetic-trained) model package promoted in a registry folder. */
class PromotedModelPrognosisTest {

    private static final ModelSpec TINY = new ModelSpec(8, 4, ModelSpec.Fusion.GATED, EnumSet.allOf(Modality.class),
            0.1, 0.25, new SurvivalIntervals(10, 5 * 365), 3L);

    @TempDir
    static Path registry;
    private static List<PatientCase> cohort;

    @BeforeAll
    static void promoteATinyModel() throws Exception {
        cohort = new SyntheticCohort(5).cases(120, List.of("site-a", "site-b"));
        FusionModel model = FusionModel.create(TINY, FeaturePipeline.fit(cohort.subList(0, 100)));
        model.train(cohort.subList(0, 100), TrainingConfig.local(2).withValidation(cohort.subList(100, 120)));
        Path version = Files.createDirectories(registry.resolve("2026.12.1"));
        ModelPackage.save(model, new ModelCard("research use only", List.of("synthetic training data"),
                new ModelCard.TrainingData(100, 30, Map.of("site-a", 50, "site-b", 50), 700.0, Map.of()),
                "20 synthetic cases", Map.of(), List.of()), version.resolve("fusion-model.zip"));
    }

    private PromotedModelPrognosis source() {
        return new PromotedModelPrognosis(new ModelRegistry(new ModelRegistryProperties(registry)));
    }

    @Test
    void withoutAPromotedPointerThePanelSaysNoModelIsPromoted() throws Exception {
        Files.deleteIfExists(registry.resolve("promoted"));
        assertThat(source().forCase(cohort.get(110))).isInstanceOf(Prognosis.NoModelPromoted.class);
    }

    @Test
    void thePromotedModelGivesACurveARiskIntervalAndModalityContributions() throws Exception {
        Files.writeString(registry.resolve("promoted"), "2026.12.1");
        // A training case lies inside the training distribution, so the model must predict rather than abstain.
        Prognosis answer = source().forCase(cohort.get(10));
        assertThat(answer).isInstanceOf(Prognosis.Predicted.class);
        Prognosis.Predicted predicted = (Prognosis.Predicted) answer;
        assertThat(predicted.model().version()).isEqualTo("2026.12.1");
        assertThat(predicted.model().modelCardUrl()).isEqualTo("/models#model-2026.12.1");
        assertThat(predicted.curve()).hasSize(10);
        assertThat(predicted.horizonDays()).isEqualTo(5 * 365);
        assertThat(predicted.riskLow()).isLessThanOrEqualTo(predicted.riskHigh());
        assertThat(predicted.curve()).allSatisfy(p -> assertThat(p.survival()).isBetween(0.0, 1.0));
        assertThat(predicted.curve().get(9).lower()).isEqualTo(1 - predicted.riskHigh());
        assertThat(predicted.column("days").split(",")).hasSize(10);
    }

    @Test
    void thePromotedModelEmbedsCasesForSimilarityAndNothingWithoutAPromotion() throws Exception {
        Files.writeString(registry.resolve("promoted"), "2026.12.1");
        FusedEmbedding.Embedded embedded = source().embed(List.of(cohort.get(10), cohort.get(11))).orElseThrow();
        assertThat(embedded.modelVersion()).isEqualTo("2026.12.1");
        assertThat(embedded.vectors()).hasSize(2).doesNotContainNull();
        assertThat(embedded.vectors().get(0)).hasSize(TINY.embeddingWidth());
        Files.delete(registry.resolve("promoted"));
        assertThat(source().embed(List.of(cohort.get(10)))).isEmpty();
    }

    @Test
    void aDemoCaseFromAnotherSiteIsPredictedOrAbstainedFromNeverFailing() throws Exception {
        Files.writeString(registry.resolve("promoted"), "2026.12.1");
        PatientCase demo = DemoCases.all().get(2).patientCase();
        Prognosis answer = source().forCase(demo);
        assertThat(answer).isInstanceOfAny(Prognosis.Predicted.class, Prognosis.Abstained.class);
    }
}
