package io.tumorboard.model.rules.evaluation;

import static io.tumorboard.model.rules.CaseFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.rules.ClinicalRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagEvaluationTest {

    private final FlagEvaluation evaluation = new FlagEvaluation(new ClinicalRules());

    /** Raises STAGE_GROUP_INCONSISTENT (T2a N2 M0 is IIIA, not IIB). */
    private static PatientCase wrongGroup(String key) {
        return patient(key).clinicalStage("T2a", "N2", "M0", "IIB", AjccEdition.EIGHTH, 0).build();
    }

    /** Raises MRI_UNSAFE_DEVICE. */
    private static PatientCase unsafeMri(String key) {
        return patient(key).device("Pacemaker", MrSafety.MR_UNSAFE, false).planned("MRI brain", "MR", false, false,
                false, 3).build();
    }

    /** Raises nothing but EXPECTED_RESTAGING. */
    private static PatientCase resected(String key) {
        return patient(key).clinicalStage("T1c", "N0", "M0", "IA3", AjccEdition.EIGHTH, 0)
                .pathologicalStage("T2a", "N0", "M0", "IB", AjccEdition.EIGHTH, 30).build();
    }

    @Test
    void countsTruePositivesFalsePositivesAndFalseNegativesPerTypeOnCaseKeyAndType() {
        List<PatientCase> cases = List.of(wrongGroup("a"), wrongGroup("b"), unsafeMri("c"), resected("d"));
        List<TruthLine> truth = List.of(
                new TruthLine("a", FlagType.STAGE_GROUP_INCONSISTENT, "stage group"),  // TP
                new TruthLine("c", FlagType.MRI_UNSAFE_DEVICE, "MR safety"),            // TP
                new TruthLine("d", FlagType.LATERALITY_CONFLICT, "laterality"),         // FN
                new TruthLine("d", FlagType.EXPECTED_RESTAGING, "T"),                   // background
                new TruthLine("zz", FlagType.HISTOLOGY_CONFLICT, "histology"));         // case not read
        List<PatientCase> seen = new ArrayList<>();
        EvaluationReport report = evaluation.evaluate(cases, truth, seen::add);

        assertThat(seen).hasSize(4);
        assertThat(report.perType().get(FlagType.STAGE_GROUP_INCONSISTENT))
                .isEqualTo(new TypeScore("STAGE_GROUP_INCONSISTENT", 1, 1, 0));
        assertThat(report.perType().get(FlagType.MRI_UNSAFE_DEVICE)).isEqualTo(new TypeScore("MRI_UNSAFE_DEVICE", 1, 0, 0));
        assertThat(report.perType().get(FlagType.LATERALITY_CONFLICT))
                .isEqualTo(new TypeScore("LATERALITY_CONFLICT", 0, 0, 1));
        assertThat(report.perType()).doesNotContainKey(FlagType.EXPECTED_RESTAGING);
        assertThat(report.structuredDiscrepancies().precision()).isEqualTo(0.5);
        assertThat(report.structuredDiscrepancies().recall()).isEqualTo(0.5);
        assertThat(report.safety().recall()).isEqualTo(1.0);
        assertThat(report.backgroundInTruth()).isEqualTo(1);
        assertThat(report.expectedRestagingRaised()).isEqualTo(1);
        assertThat(report.truthLinesForOtherCases()).isEqualTo(1);
    }

    @Test
    void twoFlagsOfOneTypeOnOneCaseMatchOneTruthLineOnce() {
        PatientCase twoDevices = patient("m").device("Pacemaker", MrSafety.MR_UNSAFE, false)
                .device("Cochlear implant", MrSafety.MR_UNSAFE, false)
                .planned("MRI brain", "MR", false, false, false, 3).build();
        EvaluationReport report = evaluation.evaluate(List.of(twoDevices),
                List.of(new TruthLine("m", FlagType.MRI_UNSAFE_DEVICE, null)), c -> { });
        assertThat(report.perType().get(FlagType.MRI_UNSAFE_DEVICE)).isEqualTo(new TypeScore("MRI_UNSAFE_DEVICE", 1, 0, 0));
    }

    @Test
    void onlyTheNewestVersionOfACaseIsScored() {
        PatientCase old = wrongGroup("v");
        PatientCase corrected = new PatientCase(old.schemaVersion(), "v", old.site(), 2, null, null, null,
                patient("v").clinicalStage("T2a", "N2", "M0", "IIIA", AjccEdition.EIGHTH, 0).build().staging(),
                null, null, List.of(), null, null, null, null, null);
        EvaluationReport report = evaluation.evaluate(List.of(corrected, old), List.of(), c -> { });
        assertThat(report.cases()).isEqualTo(1);
        assertThat(report.perType()).isEmpty();
    }

    @Test
    void undefinedRatiosAreNotANumberAndPrintAsNotApplicable() {
        EvaluationReport report = evaluation.evaluate(List.of(resected("r")), List.of(), c -> { });
        assertThat(report.safety().recall()).isNaN();
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).startsWith("ALL SAFETY").contains("n/a"));
    }

    @Test
    void reportPrintsAHeaderARowPerTypeAndTheGoals() {
        EvaluationReport report = evaluation.evaluate(List.of(wrongGroup("a")),
                List.of(new TruthLine("a", FlagType.STAGE_GROUP_INCONSISTENT, null)), c -> { });
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("TP").contains("precision"));
        assertThat(report.lines()).anySatisfy(line -> assertThat(line)
                .matches("STAGE_GROUP_INCONSISTENT\\s+1\\s+0\\s+0\\s+1\\.000\\s+1\\.000"));
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("ALL STRUCTURED DISCREPANCIES")
                .contains("goal precision and recall >= 0.95: met"));
    }
}
