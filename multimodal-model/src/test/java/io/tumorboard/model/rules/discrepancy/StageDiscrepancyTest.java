package io.tumorboard.model.rules.discrepancy;

import static io.tumorboard.model.rules.CaseFixture.fact;
import static io.tumorboard.model.rules.CaseFixture.negated;
import static io.tumorboard.model.rules.CaseFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef.SourceKind;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.Treatment.TreatmentKind;
import io.tumorboard.model.rules.CaseFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageDiscrepancyTest {

    private final DiscrepancyChecks checks = new DiscrepancyChecks();

    private List<CaseFlag> flags(PatientCase c, FlagType type) {
        return checks.check(c).stream().filter(f -> f.type() == type).toList();
    }

    @Test
    void pathologicalStageAfterResectionThatDiffersIsExpectedRestagingNotAConflict() {
        PatientCase c = patient("k1").clinicalStage("T1c", "N0", "M0", "IA3", AjccEdition.EIGHTH, 0)
                .pathologicalStage("T2a", "N1", "M0", "IIB", AjccEdition.EIGHTH, 30).build();
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).isEmpty();
        List<CaseFlag> restaging = flags(c, FlagType.EXPECTED_RESTAGING);
        assertThat(restaging).extracting(CaseFlag::descriptor).containsExactly("T", "N");
        assertThat(restaging).allMatch(f -> f.severity() == Severity.INFO);
    }

    @Test
    void postTherapyStageIsExpectedRestagingWhateverItsDate() {
        PatientCase c = patient("k2").clinicalStage("T3", "N2", "M0", "IIIB", AjccEdition.EIGHTH, 10)
                .tnm(StageBasis.POST_THERAPY, "ypT1a", "ypN0", "M0", null, AjccEdition.EIGHTH, 10).build();
        assertThat(flags(c, FlagType.EXPECTED_RESTAGING)).extracting(CaseFlag::descriptor).containsExactly("T", "N");
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).isEmpty();
    }

    @Test
    void clinicalAndPathologicalOfTheSameDayThatDifferAreAConflictNamingTheDescriptorAndBothSources() {
        PatientCase c = patient("k3").clinicalStage("T2a", "N0", "M0", null, AjccEdition.EIGHTH, 20)
                .pathologicalStage("T3", "N0", "M0", null, AjccEdition.EIGHTH, 20).build();
        List<CaseFlag> conflicts = flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT);
        assertThat(conflicts).hasSize(1);
        CaseFlag flag = conflicts.get(0);
        assertThat(flag.descriptor()).isEqualTo("T");
        assertThat(flag.severity()).as("IB against IIB").isEqualTo(Severity.CRITICAL);
        assertThat(flag.evidence()).extracting(e -> e.value()).containsExactly("T2a", "T3");
        assertThat(flag.evidence()).allMatch(e -> e.source().date() != null && e.source().reference().startsWith("Observation/"));
        assertThat(flag.ruleId()).isEqualTo("STAGE-CP-T");
        assertThat(flag.ruleSource()).contains("AJCC");
    }

    @Test
    void pathologicalValueDatedBeforeTheClinicalOneIsAConflict() {
        PatientCase c = patient("k4").stage(StageBasis.PATHOLOGICAL, StageDescriptor.N, "N2", AjccEdition.EIGHTH, 5)
                .stage(StageBasis.CLINICAL, StageDescriptor.N, "N0", AjccEdition.EIGHTH, 40).build();
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).extracting(CaseFlag::descriptor)
                .containsExactly("N");
    }

    @Test
    void pathologicalStageAfterALobectomyBetweenTheStagingsIsExpectedRestagingCitingTheResection() {
        PatientCase c = patient("k10").clinicalStage("T1c", "N0", "M0", "IA3", AjccEdition.EIGHTH, 0)
                .treatment(TreatmentKind.SURGERY, "Lobectomy of lung", 21)
                .pathologicalStage("T1c", "N1", "M0", "IIB", AjccEdition.EIGHTH, 28).build();
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).isEmpty();
        CaseFlag restaging = flags(c, FlagType.EXPECTED_RESTAGING).get(0);
        assertThat(restaging.summary()).contains("after resection on " + CaseFixture.day(21));
        assertThat(restaging.evidence()).extracting(e -> e.source().reference())
                .anyMatch(ref -> ref.startsWith("Procedure/"));
    }

    @Test
    void clinicalStagingOnTheMorningOfTheOperationIsStillPreTreatment() {
        PatientCase c = patient("k11").clinicalStage("T2a", "N0", "M0", "IB", AjccEdition.EIGHTH, 21)
                .treatment(TreatmentKind.SURGERY, "Lobectomy of lung", 21)
                .pathologicalStage("T3", "N0", "M0", "IIB", AjccEdition.EIGHTH, 28).build();
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).isEmpty();
        assertThat(flags(c, FlagType.EXPECTED_RESTAGING)).extracting(CaseFlag::descriptor).containsExactly("T");
    }

    @Test
    void aLaterPathologicalStageWithNoTreatmentOnRecordBetweenIsAConflictWhenTreatmentsAreRecorded() {
        PatientCase c = patient("k12").treatment(TreatmentKind.SURGERY, "Lobectomy of lung", 3)
                .clinicalStage("T2a", "N0", "M0", "IB", AjccEdition.EIGHTH, 10)
                .pathologicalStage("T3", "N0", "M0", "IIB", AjccEdition.EIGHTH, 40).build();
        List<CaseFlag> conflicts = flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT);
        assertThat(conflicts).extracting(CaseFlag::descriptor).containsExactly("T");
        assertThat(conflicts.get(0).summary()).contains("no resection or therapy on record between");
        assertThat(flags(c, FlagType.EXPECTED_RESTAGING)).isEmpty();
    }

    @Test
    void stagingsOfTheDayOfTheResectionAreAConflictEvenWithTheResectionOnRecord() {
        PatientCase c = patient("k13").treatment(TreatmentKind.SURGERY, "Lobectomy of lung", 30)
                .clinicalStage("T2a", "N0", "M0", null, AjccEdition.EIGHTH, 30)
                .pathologicalStage("T1b", "N0", "M0", null, AjccEdition.EIGHTH, 30).build();
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).extracting(CaseFlag::descriptor)
                .containsExactly("T");
    }

    @Test
    void neoadjuvantTherapyBetweenTheStagingsExplainsAPathologicalStageNotWrittenAsYp() {
        PatientCase c = patient("k14").clinicalStage("T3", "N2", "M0", "IIIB", AjccEdition.EIGHTH, 0)
                .treatment(TreatmentKind.SYSTEMIC_THERAPY, "Cisplatin and pemetrexed", 14)
                .treatment(TreatmentKind.SURGERY, "Lobectomy of lung", 100)
                .pathologicalStage("T1b", "N1", "M0", "IIB", AjccEdition.EIGHTH, 105).build();
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).isEmpty();
        assertThat(flags(c, FlagType.EXPECTED_RESTAGING).get(0).summary()).contains("after systemic therapy");
    }

    @Test
    void undatedTreatmentsLeaveTheOrderOfTheDatesAsTheOnlyWitness() {
        PatientCase c = patient("k15").treatment(TreatmentKind.SURGERY, "Lobectomy of lung", null)
                .clinicalStage("T1c", "N0", "M0", "IA3", AjccEdition.EIGHTH, 0)
                .pathologicalStage("T1c", "N2", "M0", "IIIA", AjccEdition.EIGHTH, 30).build();
        assertThat(flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT)).isEmpty();
        assertThat(flags(c, FlagType.EXPECTED_RESTAGING)).extracting(CaseFlag::descriptor).containsExactly("N");
    }

    @Test
    void twoClinicalValuesOfOneDescriptorAreAConflict() {
        PatientCase c = patient("k5").stage(StageBasis.CLINICAL, StageDescriptor.T, "T1b", AjccEdition.EIGHTH, 0)
                .stage(StageBasis.CLINICAL, StageDescriptor.T, "T2b", AjccEdition.EIGHTH, 3).build();
        List<CaseFlag> conflicts = flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT);
        assertThat(conflicts).singleElement().satisfies(f -> {
            assertThat(f.descriptor()).isEqualTo("T");
            assertThat(f.ruleId()).isEqualTo("STAGE-SAME-BASIS-T");
        });
    }

    @Test
    void pathologyReportTextAgainstStructuredPathologicalTIsAConflictWithTheTextSpanAsEvidence() {
        PatientCase c = patient("k6").pathologicalStage("T2a", "N0", "M0", "IB", AjccEdition.EIGHTH, 30)
                .pathologyReport(30, fact(ReportField.PATHOLOGICAL_T, "pT3")).build();
        CaseFlag flag = flags(c, FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT).get(0);
        assertThat(flag.evidence().get(1).source().kind()).isEqualTo(SourceKind.REPORT_TEXT);
        assertThat(flag.evidence().get(1).source().reference()).endsWith("#10-20");
        assertThat(flag.evidence().get(1).value()).isEqualTo("T3");
    }

    @Test
    void aLessSpecificOrUnknownValueContradictsNothing() {
        PatientCase c = patient("k7").stage(StageBasis.CLINICAL, StageDescriptor.T, "T2", AjccEdition.EIGHTH, 0)
                .stage(StageBasis.CLINICAL, StageDescriptor.T, "T2a", AjccEdition.EIGHTH, 1)
                .stage(StageBasis.CLINICAL, StageDescriptor.N, "NX", AjccEdition.EIGHTH, 0)
                .stage(StageBasis.PATHOLOGICAL, StageDescriptor.N, "N1", AjccEdition.EIGHTH, 0)
                .pathologyReport(0, negated(ReportField.PATHOLOGICAL_T, "pT4")).build();
        assertThat(checks.check(c)).isEmpty();
    }

    @Test
    void stageGroupThatContradictsItsOwnTnmIsInconsistentAndCritical() {
        PatientCase c = patient("k8").clinicalStage("T2a", "N2", "M0", "IIB", AjccEdition.EIGHTH, 0).build();
        CaseFlag flag = flags(c, FlagType.STAGE_GROUP_INCONSISTENT).get(0);
        assertThat(flag.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(flag.summary()).contains("IIIA");
        assertThat(flags(c, FlagType.STAGE_EDITION_MISMATCH)).isEmpty();
    }

    @Test
    void stageGroupRightUnderAnotherEditionIsAnEditionMismatch() {
        // T2b N0 M0 is IIA under the 7th and the 8th; T1b N1 M0 is IIA under the 7th but IIB under the 8th.
        PatientCase c = patient("k9").clinicalStage("T1b", "N1", "M0", "IIA", AjccEdition.EIGHTH, 0).build();
        CaseFlag flag = flags(c, FlagType.STAGE_EDITION_MISMATCH).get(0);
        assertThat(flag.summary()).contains("7th");
        assertThat(flags(c, FlagType.STAGE_GROUP_INCONSISTENT)).isEmpty();
    }

    @Test
    void eighthEditionCodesLabelledSeventhAreAnEditionMismatch() {
        PatientCase c = patient("k10").clinicalStage("T1c", "N0", "M0", "IA3", AjccEdition.SEVENTH, 0).build();
        assertThat(flags(c, FlagType.STAGE_EDITION_MISMATCH)).hasSize(1);
    }

    @Test
    void consistentOrCoarserGroupsRaiseNothing() {
        PatientCase c = patient("k11").clinicalStage("T1b", "N0", "M0", "IA", AjccEdition.EIGHTH, 0)
                .pathologicalStage("T1b", "N0", "M0", "Stage IA2", AjccEdition.EIGHTH, 30).build();
        assertThat(checks.check(c)).isEmpty();
    }

    @Test
    void groupWithoutEditionIsFlaggedOnlyWhenNoEditionGivesIt() {
        PatientCase wrong = patient("k12").clinicalStage("T1a", "N0", "M0", "IIIB", AjccEdition.UNKNOWN, 0).build();
        assertThat(flags(wrong, FlagType.STAGE_GROUP_INCONSISTENT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        PatientCase plausible = patient("k13").clinicalStage("T1b", "N1", "M0", "IIA", AjccEdition.UNKNOWN, 0).build();
        assertThat(checks.check(plausible)).isEmpty();
    }

    @Test
    void untageableTnmContradictsNoGroup() {
        PatientCase c = patient("k14").clinicalStage("TX", "N2", "M0", "IIIA", AjccEdition.EIGHTH, 0).build();
        assertThat(checks.check(c)).isEmpty();
    }
}
