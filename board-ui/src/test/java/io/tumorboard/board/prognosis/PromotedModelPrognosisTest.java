package io.tumorboard.board.prognosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tumorboard.board.TestRegistry;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.models.ModelRegistry;
import io.tumorboard.board.models.ModelRegistryProperties;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.PatientCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
        assertThat(predicted.curve().get(9).lower()).isCloseTo(1 - predicted.riskHigh(), within(1e-12));
        assertThat(predicted.curve()).as("the MC-dropout band runs along the whole curve")
                .allSatisfy(p -> assertThat(p.lower()).isLessThanOrEqualTo(p.upper()))
                .anySatisfy(p -> assertThat(p.upper()).isGreaterThan(p.lower()))
                .filteredOn(p -> p.days() < 5 * 365).anySatisfy(p -> assertThat(p.upper()).isGreaterThan(p.lower()));
        assertThat(predicted.column("days").split(",")).hasSize(10);
        // The test package's card has no calibration table: no risk group, and the panel says why.
        assertThat(predicted.riskGroup().placed()).isFalse();
        assertThat(((RiskGroup.NotPlaced) predicted.riskGroup()).reason()).contains("no calibration table");
    }

    private static CaseSummary summaryOf(PatientCase c) {
        return new CaseSummary(c.caseKey(), c.caseVersion(), c.site(), null, null, null, null, 0, 0, true, true, true,
                null);
    }

    @Test
    void thePromotedModelEmbedsCasesForSimilarityDecodingEachCaseVersionOnceAndNothingWithoutAPromotion()
            throws Exception {
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        PromotedModelPrognosis source = source();
        Map<String, PatientCase> byKey = Map.of(cohort.get(10).caseKey(), cohort.get(10), cohort.get(11).caseKey(),
                cohort.get(11));
        List<String> decoded = new ArrayList<>();
        Function<CaseSummary, PatientCase> decode = s -> {
            decoded.add(s.caseKey());
            return byKey.get(s.caseKey());
        };
        List<CaseSummary> two = List.of(summaryOf(cohort.get(10)), summaryOf(cohort.get(11)));

        FusedEmbedding.Embedded embedded = source.embed(two, decode).orElseThrow();
        FusedEmbedding.Embedded again = source.embed(two, decode).orElseThrow();

        assertThat(embedded.modelVersion()).isEqualTo(TestRegistry.ROUND_2);
        assertThat(embedded.vectors()).hasSize(2).doesNotContainNull();
        assertThat(embedded.vectors().get(0)).hasSize(TestRegistry.TINY.embeddingWidth());
        assertThat(again.vectors().get(1)).isEqualTo(embedded.vectors().get(1));
        assertThat(decoded).as("the second call finds both in the cache").hasSize(2);
        Files.delete(registry.resolve("promoted"));
        assertThat(source.embed(two, decode)).isEmpty();
    }

    @Test
    void boardMembersOpeningTheSameCaseAtOnceShareOnePrediction() throws Exception {
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        PromotedModelPrognosis source = source();
        int members = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService board = Executors.newFixedThreadPool(members);
        try {
            List<Future<Prognosis>> views = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                views.add(board.submit(() -> {
                    start.await();
                    return source.forCase(cohort.get(13));
                }));
            }
            start.countDown();
            Prognosis first = views.get(0).get(2, TimeUnit.MINUTES);
            for (Future<Prognosis> view : views) {
                assertThat(view.get(2, TimeUnit.MINUTES)).isSameAs(first);
            }
        } finally {
            board.shutdownNow();
        }
    }

    @Test
    void viewsThatMissTheEmbeddingCacheTogetherDecodeAndEmbedEachCaseOnce() throws Exception {
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        PromotedModelPrognosis source = source();
        List<PatientCase> candidates = cohort.subList(20, 30);
        Map<String, PatientCase> byKey = new java.util.HashMap<>();
        candidates.forEach(c -> byKey.put(c.caseKey(), c));
        List<CaseSummary> summaries = candidates.stream().map(PromotedModelPrognosisTest::summaryOf).toList();
        java.util.concurrent.atomic.AtomicInteger decoded = new java.util.concurrent.atomic.AtomicInteger();
        Function<CaseSummary, PatientCase> decode = s -> {
            decoded.incrementAndGet();
            return byKey.get(s.caseKey());
        };
        int views = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService board = Executors.newFixedThreadPool(views);
        try {
            List<Future<FusedEmbedding.Embedded>> answers = new ArrayList<>();
            for (int v = 0; v < views; v++) {
                answers.add(board.submit(() -> {
                    start.await();
                    return source.embed(summaries, decode).orElseThrow();
                }));
            }
            start.countDown();
            for (Future<FusedEmbedding.Embedded> answer : answers) {
                assertThat(answer.get(2, TimeUnit.MINUTES).vectors()).hasSize(10).doesNotContainNull();
            }
        } finally {
            board.shutdownNow();
        }
        assertThat(decoded.get()).as("each of the 10 cases decoded once across %d concurrent views", views)
                .isEqualTo(10);
    }

    @Test
    void aCaseVersionsPrognosisIsComputedOnceUnderOneModelVersionAndAgainUnderAnother() throws Exception {
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        PromotedModelPrognosis source = source();
        Prognosis first = source.forCase(cohort.get(12));
        assertThat(source.forCase(cohort.get(12))).isSameAs(first);
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_1);
        Prognosis underRound1 = source.forCase(cohort.get(12));
        assertThat(underRound1).isNotSameAs(first);
        assertThat(((Prognosis.Predicted) underRound1).model().version()).isEqualTo(TestRegistry.ROUND_1);
    }

    @Test
    void aDemoCaseFromAnotherSiteIsPredictedOrAbstainedFromNeverFailing() throws Exception {
        Files.writeString(registry.resolve("promoted"), TestRegistry.ROUND_2);
        PatientCase demo = DemoCases.all().get(2).patientCase();
        Prognosis answer = source().forCase(demo);
        assertThat(answer).isInstanceOfAny(Prognosis.Predicted.class, Prognosis.Abstained.class);
    }
}
