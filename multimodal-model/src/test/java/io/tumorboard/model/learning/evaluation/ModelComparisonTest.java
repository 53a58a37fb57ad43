package io.tumorboard.model.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {

    @Test
    void everyModelIsScoredOnEveryHeldOutCaseOfTheSameFoldsAndTheReportShowsThemAll() {
        List<PatientCase> cases = new SyntheticCohort(4).cases(90, List.of("site-a", "site-b"));
        ModelSpec tiny = ModelSpec.defaults().withSeed(1);
        tiny = new ModelSpec(4, 4, tiny.fusion(), tiny.modalities(), 0.1, 0.2, new SurvivalIntervals(5, 1825), 1);
        ModelComparison comparison = new ModelComparison(tiny, TrainingConfig.local(2), 3, 5L);
        List<String> steps = new ArrayList<>();
        ModelComparison.Result result = comparison.run(cases, steps::add);
        Map<String, List<EvaluatedCase>> results = result.predictions();
        assertThat(steps).hasSize(3 * 5);
        assertThat(results.keySet()).contains("imaging only", "pathology only", "clinical only", "concatenation",
                "gated fusion", "gated fusion without imaging", "gated fusion without pathology",
                "gated fusion without clinical");
        assertThat(results.values()).allSatisfy(list -> assertThat(list).hasSize(90));
        assertThat(result.learnedFlags()).as("one entry per held-out case of gated fusion").hasSize(90);
        String report = new ComparisonReport(new SurvivalEvaluation(tiny.intervals(), 20, 1L)).render(result, null, "t");
        assertThat(report).contains("| gated fusion | 90 |", "Gated fusion by site", "| site-a |", "calibration",
                "Learned stage flags", "counts only");
    }
}
