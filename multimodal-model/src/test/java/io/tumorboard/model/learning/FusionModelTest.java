package io.tumorboard.model.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.features.StageTarget;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FusionModelTest {

    static final ModelSpec TINY = new ModelSpec(8, 4, ModelSpec.Fusion.GATED, EnumSet.allOf(Modality.class), 0.1,
            0.25, new SurvivalIntervals(10, 5 * 365), 3L);
    static List<PatientCase> training;
    static List<PatientCase> validation;
    static FusionModel trained;

    @BeforeAll
    static void trainOnce() {
        List<PatientCase> cohort = new SyntheticCohort(11).cases(350, List.of("site-a", "site-b"));
        training = cohort.subList(0, 200);
        validation = cohort.subList(200, 350);
        trained = FusionModel.create(TINY, FeaturePipeline.fit(training));
        trained.train(training, new TrainingConfig(12, 32, 1e-2, 0.0, null, validation, 4, 5L));
    }

    @Test
    void theFlatParameterViewRoundTripsAndIsACopy() {
        double[] parameters = trained.parameters();
        assertThat(parameters).hasSize((int) trained.parameterCount());
        parameters[0] += 1.0;
        assertThat(trained.parameters()[0]).isNotEqualTo(parameters[0]);
        FusionModel other = FusionModel.create(TINY, trained.pipeline());
        other.setParameters(trained.parameters());
        assertThat(other.parameters()).containsExactly(trained.parameters());
    }

    @Test
    void aSiteWhoseCaseCountLeavesOneCaseOverTrainsAndValidatesOnOneCase() {
        // 33 cases in batches of 32 (and a single validation case): DL4J cannot score a one-case batch's stage heads.
        FusionModel model = FusionModel.create(TINY, trained.pipeline());
        FusionModel.TrainingSummary summary = model.train(training.subList(0, 33),
                new TrainingConfig(2, 32, 1e-3, 0.0, null, validation.subList(0, 1), 5, 7L));
        assertThat(summary.epochs()).isEqualTo(2);
        assertThat(model.parameters()).doesNotContain(Double.NaN);
    }

    @Test
    void predictionsFollowParametersSetAfterAnEarlierPrediction() {
        var encoded = validation.subList(0, 5).stream().map(trained.pipeline()::encode).toList();
        FusionModel other = FusionModel.create(TINY, trained.pipeline());
        other.hazards(encoded); // builds the inference pass over the initial weights
        other.setParameters(trained.parameters());
        assertThat(other.hazards(encoded).toFloatMatrix()).isDeepEqualTo(trained.hazards(encoded).toFloatMatrix());
    }

    @Test
    void oneCaseAlwaysGetsTheSameUncertaintyInterval() {
        Prediction first = trained.predict(validation.get(3));
        Prediction again = trained.predict(validation.get(3));
        assertThat(again.riskLow()).isEqualTo(first.riskLow());
        assertThat(again.riskHigh()).isEqualTo(first.riskHigh());
    }

    @Test
    void aParameterVectorOfAnotherLayoutIsRefused() {
        assertThatThrownBy(() -> trained.setParameters(new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another spec");
    }

    @Test
    void aLargeProximalTermKeepsLocalTrainingNearTheGlobalModel() {
        double[] global = trained.parameters();
        FusionModel free = FusionModel.create(TINY, trained.pipeline());
        free.setParameters(global);
        List<PatientCase> local = training.subList(0, 64);
        free.train(local, TrainingConfig.local(3));
        FusionModel proximal = FusionModel.create(TINY, trained.pipeline());
        proximal.setParameters(global);
        proximal.train(local, TrainingConfig.local(3).withFedProx(10.0, global));
        assertThat(distance(proximal.parameters(), global)).isLessThan(distance(free.parameters(), global));
    }

    @Test
    void aPredictionCarriesACurveAnIntervalAndExplanations() {
        Prediction prediction = trained.predict(validation.get(0));
        assertThat(prediction.status()).isIn(Prediction.Status.OK, Prediction.Status.WARNING);
        assertThat(prediction.riskScore()).isBetween(0.0, 1.0);
        assertThat(prediction.riskLow()).isLessThanOrEqualTo(prediction.riskHigh());
        assertThat(prediction.survival()).hasSize(10).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(prediction.survivalLow()).hasSize(10);
        assertThat(prediction.survivalHigh()).hasSize(10);
        for (int k = 0; k < 10; k++) {
            assertThat(prediction.survivalLow()[k]).isLessThanOrEqualTo(prediction.survivalHigh()[k]);
        }
        // The band is taken point by point; at the horizon it mirrors the risk interval.
        assertThat(prediction.survivalLow()[9]).isCloseTo(1 - prediction.riskHigh(), within(1e-12));
        assertThat(prediction.survivalHigh()[9]).isCloseTo(1 - prediction.riskLow(), within(1e-12));
        assertThat(prediction.survivalHigh()[4] - prediction.survivalLow()[4]).as("MC dropout spreads the curve")
                .isPositive();
        assertThat(prediction.contributions()).containsOnlyKeys(Modality.values());
        assertThat(prediction.topFeatures()).hasSizeLessThanOrEqualTo(5).isNotEmpty();
        assertThat(prediction.stageEstimates()).containsOnlyKeys(Modality.IMAGING, Modality.PATHOLOGY);
        assertThat(prediction.stageEstimates().get(Modality.PATHOLOGY))
                .containsOnlyKeys(StageDescriptor.T, StageDescriptor.N, StageDescriptor.GROUP);
        assertThat(prediction.oodDistance()).isFinite();
    }

    @Test
    void trainedRiskRanksValidationPatientsBetterThanChance() {
        // One batched pass: the risk score is 1 − S(horizon), as Prediction.riskScore computes it case by case.
        var hazards = trained.hazards(validation.stream().map(trained.pipeline()::encode).toList());
        double[] risk = new double[validation.size()];
        for (int i = 0; i < risk.length; i++) {
            double[] curve = TINY.intervals().survivalCurve(hazards.getRow(i).toDoubleVector());
            risk[i] = 1 - curve[curve.length - 1];
        }
        double[] time = validation.stream().mapToDouble(c -> c.outcome().followUpDays()).toArray();
        boolean[] event = new boolean[validation.size()];
        for (int i = 0; i < event.length; i++) {
            event[i] = validation.get(i).outcome().death();
        }
        assertThat(SurvivalMetrics.harrellC(time, event, risk)).isGreaterThan(0.55);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    @Test
    void aCaseWithNoModalityIsRefusedWithAReasonAndNoNumber() {
        PatientCase c = validation.get(0);
        PatientCase empty = new PatientCase(null, c.caseKey(), c.site(), 1, null, null, null, List.of(), List.of(),
                List.of(), List.of(), null, null, new io.tumorboard.model.cases.ModalityPresence(false, false, false), null, null);
        Prediction prediction = trained.predict(empty);
        assertThat(prediction.status()).isEqualTo(Prediction.Status.REFUSED);
        assertThat(prediction.riskScore()).isNaN();
        assertThat(prediction.warnings()).anyMatch(w -> w.contains("no modality"));
    }

    @Test
    void aMissingModalityIsPredictedFromTheRestWithAWarning() {
        PatientCase c = validation.get(1);
        PatientCase noImaging = new PatientCase(null, c.caseKey(), c.site(), 1, null, c.demographics(),
                c.primaryCancer(), c.staging(), List.of(), c.pathology(), c.treatments(), c.clinical(), c.outcome(), null, null, null);
        Prediction prediction = trained.predict(noImaging);
        assertThat(prediction.status()).isIn(Prediction.Status.WARNING, Prediction.Status.ABSTAINED);
        assertThat(prediction.riskScore()).isBetween(0.0, 1.0);
        assertThat(prediction.warnings()).anyMatch(w -> w.startsWith("imaging is missing"));
        assertThat(prediction.contributions()).doesNotContainKey(Modality.IMAGING);
    }

    @Test
    void aFarOutOfDistributionCaseMakesTheModelAbstain() {
        PatientCase c = validation.get(2);
        java.util.Map<String, Double> absurd = new java.util.LinkedHashMap<>();
        c.imaging().get(0).radiomics().keySet().forEach(name -> absurd.put(name, 1e12));
        PatientCase far = new PatientCase(null, c.caseKey(), c.site(), 1, null, c.demographics(), c.primaryCancer(),
                c.staging(), List.of(new io.tumorboard.model.cases.ImagingStudy("x", null, "CT", absurd, "", null, null,
                null, null)), c.pathology(), c.treatments(), c.clinical(), c.outcome(), null, null, null);
        Prediction prediction = trained.predict(far);
        assertThat(prediction.warnings()).anyMatch(w -> w.contains("clipped"));
        assertThat(prediction.oodDistance()).isGreaterThan(trained.predict(c).oodDistance());
    }

    @Test
    void thePathologyStageHeadReadsAContradictingPTFromTheText() {
        PatientCase c = validation.stream().filter(v -> StageTarget.T.label(v)
                .orElse(-1) == 0).findFirst().orElseThrow();
        String text = c.pathology().get(0).text().replaceAll("pT1", "pT4").replaceAll("Tumor size [0-9.]+ cm",
                "Tumor size 8.0 cm");
        PatientCase contradicted = new PatientCase(null, c.caseKey(), c.site(), 1, null, c.demographics(),
                c.primaryCancer(), c.staging(), c.imaging(), List.of(new io.tumorboard.model.cases.PathologyReport("r",
                null, text, null, null)), List.of(), c.clinical(), c.outcome(), null, null, null);
        Prediction prediction = trained.predict(contradicted);
        double[] pathologyT = prediction.stageEstimates().get(Modality.PATHOLOGY).get(StageDescriptor.T);
        assertThat(pathologyT[3]).isGreaterThan(pathologyT[0]);
    }

    @Test
    void aCaseWithEveryKindOfBadInputIsPredictedWithAWarningForEachProblemNeverACrash() {
        PatientCase c = validation.get(3);
        java.util.Map<String, Double> notANumber = new java.util.LinkedHashMap<>();
        c.imaging().get(0).radiomics().keySet().forEach(name -> notANumber.put(name, Double.NaN));
        var cancer = c.primaryCancer();
        PatientCase bad = new PatientCase(null, c.caseKey(), c.site(), 1, null,
                new io.tumorboard.model.cases.Demographics("female", 250),
                new io.tumorboard.model.cases.PrimaryCancer(cancer.topographyCode(), cancer.bodySite(), cancer.laterality(),
                        "chondrosarcoma of the lung", null, cancer.diagnosisDate(), null),
                c.staging(), List.of(new io.tumorboard.model.cases.ImagingStudy("x", null, "CT", notANumber, "", null,
                        null, null, null)),
                List.of(new io.tumorboard.model.cases.PathologyReport("r", null, "   ", null, null)), List.of(),
                new io.tumorboard.model.cases.ClinicalFacts(9, null, Double.NaN, null, null, null, null, null),
                c.outcome(), null, null, null);
        Prediction prediction = trained.predict(bad);
        assertThat(prediction.status()).isIn(Prediction.Status.WARNING, Prediction.Status.ABSTAINED);
        assertThat(prediction.riskScore()).isBetween(0.0, 1.0);
        assertThat(prediction.warnings()).anyMatch(w -> w.contains("age 250"))
                .anyMatch(w -> w.contains("ECOG 9"))
                .anyMatch(w -> w.contains("chondrosarcoma"))
                .anyMatch(w -> w.startsWith("imaging is missing"))
                .anyMatch(w -> w.startsWith("pathology is missing"));
    }

    @Test
    void aNetworkThatOutputsNotANumberRefusesInsteadOfReportingIt() {
        FusionModel broken = FusionModel.create(TINY, trained.pipeline());
        double[] nan = new double[(int) broken.parameterCount()];
        java.util.Arrays.fill(nan, Double.NaN);
        broken.setParameters(nan);
        Prediction prediction = broken.predict(validation.get(0));
        assertThat(prediction.status()).isEqualTo(Prediction.Status.REFUSED);
        assertThat(prediction.riskScore()).isNaN();
        assertThat(prediction.warnings()).anyMatch(w -> w.contains("non-finite"));
    }
}
