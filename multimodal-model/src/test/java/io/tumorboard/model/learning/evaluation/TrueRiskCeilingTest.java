package io.tumorboard.model.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrueRiskCeilingTest {

    static final SurvivalIntervals GRID = new SurvivalIntervals(5, 5 * 365);

    @Test
    void theTruthRowsScoreTheHeldOutCasesWithTheGeneratorsWeibullModel(@TempDir Path truth) throws Exception {
        Files.writeString(truth.resolve("survival-model.json"), "{\"rho\": 1.15, \"lambda\": 5.0E-5}");
        Files.createDirectories(truth.resolve("site-a"));
        Files.writeString(truth.resolve("site-a/patients.jsonl"), """
                {"caseKey":"k1","linearPredictor":2.0,"linearPredictorWithoutPathologyFindings":1.4}
                {"caseKey":"k2","linearPredictor":0.1,"linearPredictorWithoutPathologyFindings":0.1}
                """);
        List<EvaluatedCase> heldOut = List.of(held("k2", 900, false), held("unknown", 100, true), held("k1", 300, true));

        var rows = TrueRiskCeiling.read(truth).orElseThrow().rows(heldOut, GRID);

        List<EvaluatedCase> ceiling = rows.get(TrueRiskCeiling.TRUE);
        assertThat(ceiling).extracting(EvaluatedCase::caseKey).containsExactly("k2", "k1");
        assertThat(ceiling.get(1).timeDays()).isEqualTo(300);
        double expected = Math.exp(-5.0E-5 * Math.pow(GRID.endDays(4), 1.15) * Math.exp(2.0));
        assertThat(ceiling.get(1).survival()[4]).isCloseTo(expected, within(1e-12));
        assertThat(rows.get(TrueRiskCeiling.WITHOUT_PATHOLOGY).get(1).survival()[4]).isGreaterThan(expected);
    }

    @Test
    void aFolderWithoutASurvivalModelHasNoCeiling(@TempDir Path truth) {
        assertThat(TrueRiskCeiling.read(truth)).isEmpty();
    }

    private static EvaluatedCase held(String key, double days, boolean death) {
        return new EvaluatedCase(key, days, death, "site-a", "female", "65-74", new double[] {0.9, 0.8, 0.7, 0.6, 0.5});
    }
}
