package io.tumorboard.model.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    @Test
    void theCardReportsSeventyPercentForTrainingAndMetricsOnTheFifteenPercentTestSplitOnly() {
        List<PatientCase> cases = new SyntheticCohort(8).cases(200, List.of("site-a", "site-b"));
        ModelSpec d = ModelSpec.defaults();
        ModelSpec tiny = new ModelSpec(4, 4, d.fusion(), d.modalities(), 0.1, 0.2, new SurvivalIntervals(5, 1825), 2L);
        TrainingRun.Result result = new TrainingRun(tiny, TrainingConfig.local(2), 30, 3L).run(cases, epoch -> { });
        assertThat(result.card().training().cases()).isEqualTo(140);
        assertThat(result.test()).hasSize(30);
        assertThat(result.card().training().sites()).containsOnlyKeys("site-a", "site-b");
        assertThat(result.card().evaluation()).contains("30 patients");
        assertThat(result.card().metrics()).containsKeys("Harrell C", "Uno C (tau 5 y)", "AUC(1 y)", "AUC(3 y)",
                "integrated Brier (to 5 y)", SurvivalEvaluation.CALIBRATION_SLOPE);
        assertThat(result.card().calibration()).isNotEmpty();
    }

    @Test
    void calibrationGroupsCarryTheirRangesOfPredictedRiskInOrderSoANewCaseCanBePlacedInOne() {
        List<PatientCase> cases = new SyntheticCohort(8).cases(200, List.of("site-a", "site-b"));
        ModelSpec d = ModelSpec.defaults();
        ModelSpec tiny = new ModelSpec(4, 4, d.fusion(), d.modalities(), 0.1, 0.2, new SurvivalIntervals(5, 1825), 2L);
        var groups = new TrainingRun(tiny, TrainingConfig.local(2), 30, 3L).run(cases, epoch -> { }).card()
                .calibration();
        for (int g = 0; g < groups.size(); g++) {
            var group = groups.get(g);
            assertThat(group.hasRange()).isTrue();
            assertThat(group.lowestPredictedRisk()).isLessThanOrEqualTo(group.predictedRisk());
            assertThat(group.highestPredictedRisk()).isGreaterThanOrEqualTo(group.predictedRisk());
            if (g > 0) {
                assertThat(group.lowestPredictedRisk()).isGreaterThanOrEqualTo(groups.get(g - 1).highestPredictedRisk());
            }
        }
    }
}
