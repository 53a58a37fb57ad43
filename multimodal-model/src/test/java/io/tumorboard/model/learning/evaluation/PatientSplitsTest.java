package io.tumorboard.model.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientSplitsTest {

    @Test
    void everyVersionOfAPatientLandsInOneFoldAndDeathsSpreadEvenly() {
        List<PatientCase> cases = new ArrayList<>(new SyntheticCohort(1).cases(100, List.of("a")));
        cases.add(cases.get(0)); // a second version of the same patient
        int[] folds = PatientSplits.folds(cases, 5, 7L);
        assertThat(folds[100]).isEqualTo(folds[0]);
        int[] deaths = new int[5];
        for (int i = 0; i < 100; i++) {
            if (cases.get(i).outcome().death()) {
                deaths[folds[i]]++;
            }
        }
        int min = java.util.Arrays.stream(deaths).min().orElseThrow();
        int max = java.util.Arrays.stream(deaths).max().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(PatientSplits.folds(cases, 5, 7L)).containsExactly(folds);
    }
}
