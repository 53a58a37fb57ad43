package io.tumorboard.board.prognosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.TestRegistry;
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

    @TempDir
    static Path registry;
    private static List<PatientCase> cohort;

    @BeforeAll
    static void promoteATinyModel() {
        TestRegistry.write(registry);
        cohort = TestRegistry.cohort();
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
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        // A training case lies inside the training distribution, so the model must predict rather than abstain.
        Prognosis answer = source().forCase(cohort.get(10));
        assertThat(answer).isInstanceOf(Prognosis.Predicted.class);
        Prognosis.Predicted predicted = (Prognosis.Predicted) answer;
        assertThat(predicted.model().version()).isEqualTo(TestRegistry.ROUND_2);
        assertThat(predicted.model().modelCardUrl()).isEqualTo("/models#model-fedavg-2026-12-01-round-0002");
        assertThat(predicted.curve()).hasSize(10);
        assertThat(predicted.horizonDays()).isEqualTo(5 * 365);
        assertThat(predicted.riskLow()).isLessThanOrEqualTo(predicted.riskHigh());
        assertThat(predicted.curve()).allSatisfy(p -> assertThat(p.survival()).isBetween(0.0, 1.0));
        assertThat(predicted.curve().get(9).lower()).isEqualTo(1 - predicted.riskHigh());
        assertThat(predicted.column("days").split(",")).hasSize(10);
    }

    @Test
    void thePromotedModelEmbedsCasesForSimilarityAndNothingWithoutAPromotion() throws Exception {
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        FusedEmbedding.Embedded embedded = source().embed(List.of(cohort.get(10), cohort.get(11))).orElseThrow();
        assertThat(embedded.modelVersion()).isEqualTo(TestRegistry.ROUND_2);
        assertThat(embedded.vectors()).hasSize(2).doesNotContainNull();
        assertThat(embedded.vectors().get(0)).hasSize(TestRegistry.TINY.embeddingWidth());
        Files.delete(registry.resolve("promoted"));
        assertThat(source().embed(List.of(cohort.get(10)))).isEmpty();
    }

    @Test
    void aDemoCaseFromAnotherSiteIsPredictedOrAbstainedFromNeverFailing() throws Exception {
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        PatientCase demo = DemoCases.all().get(2).patientCase();
        Prognosis answer = source().forCase(demo);
        assertThat(answer).isInstanceOfAny(Prognosis.Predicted.class, Prognosis.Abstained.class);
    }
}
