package io.tumorboard.model.rules.discrepancy;

import static io.tumorboard.model.rules.CaseFixture.fact;
import static io.tumorboard.model.rules.CaseFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.Treatment.TreatmentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceDiscrepancyTest {

    private final DiscrepancyChecks checks = new DiscrepancyChecks();

    private List<CaseFlag> flags(PatientCase c, FlagType type) {
        return checks.check(c).stream().filter(f -> f.type() == type).toList();
    }

    @Test
    void leftConditionAgainstRightPathologyIsACriticalLateralityConflict() {
        PatientCase c = patient("l1").primary(Laterality.LEFT, "Upper lobe of left lung", "Adenocarcinoma", "8140/3")
                .pathologyReport(20, fact(ReportField.LATERALITY, "RIGHT")).build();
        CaseFlag flag = flags(c, FlagType.LATERALITY_CONFLICT).get(0);
        assertThat(flag.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(flag.evidence()).extracting(e -> e.label())
                .containsExactly("condition laterality", "pathology report laterality");
    }

    @Test
    void bodySiteTextAgainstRadiologyLateralityIsAConflict() {
        PatientCase c = patient("l2").primary(Laterality.UNKNOWN, "Lower lobe, right lung", null, null)
                .radiology(0, "CT", null, List.of(), fact(ReportField.LATERALITY, "left")).build();
        assertThat(flags(c, FlagType.LATERALITY_CONFLICT)).hasSize(1);
    }

    @Test
    void agreeingOrBilateralSidesRaiseNothing() {
        PatientCase c = patient("l3").primary(Laterality.RIGHT, "Upper lobe of right lung", null, null)
                .radiology(0, "CT", null, List.of(), fact(ReportField.LATERALITY, "BILATERAL"))
                .pathologyReport(20, fact(ReportField.LATERALITY, "right")).build();
        assertThat(checks.check(c)).isEmpty();
    }

    @Test
    void sizeDifferenceBeyondTenMillimetresAndAQuarterIsAConflict() {
        PatientCase c = patient("s1").radiology(0, "CT", null, List.of(), fact(ReportField.TUMOR_SIZE_MM, "22"))
                .pathologyReport(30, fact(ReportField.TUMOR_SIZE_MM, "38")).build();
        CaseFlag flag = flags(c, FlagType.TUMOR_SIZE_CONFLICT).get(0);
        assertThat(flag.evidence()).extracting(e -> e.value()).containsExactly("22 mm", "38 mm");
        assertThat(flag.summary()).contains("16 mm apart");
    }

    @Test
    void sizeDifferenceWithinToleranceRaisesNothing() {
        PatientCase small = patient("s2").radiology(0, "CT", null, List.of(), fact(ReportField.TUMOR_SIZE_MM, "22"))
                .pathologyReport(30, fact(ReportField.TUMOR_SIZE_MM, "31")).build();
        PatientCase large = patient("s3").radiology(0, "CT", null, List.of(), fact(ReportField.TUMOR_SIZE_MM, "80"))
                .pathologyReport(30, fact(ReportField.TUMOR_SIZE_MM, "95")).build();
        assertThat(checks.check(small)).isEmpty();
        assertThat(checks.check(large)).as("15 mm is under 25% of 95 mm").isEmpty();
    }

    @Test
    void imagingAfterResectionOrAfterTherapyIsNotComparedForSize() {
        PatientCase after = patient("s4").radiology(60, "CT", null, List.of(), fact(ReportField.TUMOR_SIZE_MM, "5"))
                .pathologyReport(30, fact(ReportField.TUMOR_SIZE_MM, "38")).build();
        PatientCase treated = patient("s5").radiology(0, "CT", null, List.of(), fact(ReportField.TUMOR_SIZE_MM, "60"))
                .stage(StageBasis.POST_THERAPY, StageDescriptor.T, "ypT1a", AjccEdition.EIGHTH, 90)
                .pathologyReport(90, fact(ReportField.TUMOR_SIZE_MM, "8")).build();
        assertThat(flags(after, FlagType.TUMOR_SIZE_CONFLICT)).isEmpty();
        assertThat(flags(treated, FlagType.TUMOR_SIZE_CONFLICT)).isEmpty();
    }

    @Test
    void aTumourSizeObservationOfTheImagingDayIsTheImagingSize() {
        PatientCase c = patient("s6").radiology(0, "CT", null, List.of())
                .lab("21889-1", "Tumor size", 1.3, "cm", 0)
                .pathologyReport(30, fact(ReportField.TUMOR_SIZE_MM, "28")).build();
        CaseFlag flag = flags(c, FlagType.TUMOR_SIZE_CONFLICT).get(0);
        assertThat(flag.evidence()).extracting(e -> e.value()).containsExactly("13 mm", "28 mm");
        assertThat(flag.evidence().get(0).source().reference()).startsWith("Observation/");
    }

    @Test
    void aTumourSizeObservationOfNoImagingOrPathologyDayIsNotCompared() {
        PatientCase c = patient("s7").radiology(0, "CT", null, List.of())
                .lab("21889-1", "Tumor size", 13, "mm", 5)
                .pathologyReport(30, fact(ReportField.TUMOR_SIZE_MM, "28")).build();
        assertThat(flags(c, FlagType.TUMOR_SIZE_CONFLICT)).isEmpty();
    }

    @Test
    void neoadjuvantTherapyBetweenImagingAndResectionExplainsAShrunkenTumour() {
        PatientCase c = patient("s8").radiology(0, "CT", null, List.of(), fact(ReportField.TUMOR_SIZE_MM, "60"))
                .treatment(TreatmentKind.SYSTEMIC_THERAPY, "Carboplatin and paclitaxel", 10)
                .pathologyReport(100, fact(ReportField.TUMOR_SIZE_MM, "25")).build();
        assertThat(flags(c, FlagType.TUMOR_SIZE_CONFLICT)).isEmpty();
    }

    @Test
    void aYpStageInThePathologyReportTextShowsTheTumourWasTreatedBeforeItWasMeasured() {
        PatientCase c = patient("s9").radiology(0, "CT", null, List.of(), fact(ReportField.TUMOR_SIZE_MM, "39"))
                .stage(StageBasis.PATHOLOGICAL, StageDescriptor.T, "T1c", AjccEdition.EIGHTH, 150)
                .pathologyReport(150, fact(ReportField.TUMOR_SIZE_MM, "22"), fact(ReportField.PATHOLOGICAL_T, "ypT1c"))
                .build();
        assertThat(flags(c, FlagType.TUMOR_SIZE_CONFLICT)).isEmpty();
    }

    @Test
    void squamousReportAgainstAdenocarcinomaConditionIsAHistologyConflict() {
        PatientCase c = patient("h1").primary(Laterality.RIGHT, null, "Adenocarcinoma", "8140/3")
                .pathologyReport(20, fact(ReportField.HISTOLOGY, "Squamous cell carcinoma, keratinizing")).build();
        assertThat(flags(c, FlagType.HISTOLOGY_CONFLICT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void smallCellAgainstNonSmallCellIsCritical() {
        PatientCase c = patient("h2").primary(Laterality.RIGHT, null, "Non-small cell lung carcinoma", "8046/3")
                .pathologyReport(20, fact(ReportField.MORPHOLOGY_CODE, "8041/3")).build();
        assertThat(flags(c, FlagType.HISTOLOGY_CONFLICT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void notOtherwiseSpecifiedHistologyIsCompatibleWithTheSpecificOne() {
        PatientCase c = patient("h3").primary(Laterality.RIGHT, null, "Non-small cell carcinoma", "8046/3")
                .pathologyReport(20, fact(ReportField.HISTOLOGY, "Invasive adenocarcinoma, acinar predominant"),
                        fact(ReportField.MORPHOLOGY_CODE, "8551/3"))
                .pathologyReport(25, fact(ReportField.HISTOLOGY, "carcinoma")).build();
        assertThat(checks.check(c)).isEmpty();
    }

    @Test
    void documentedResponseThatContradictsRecistIsAResponseConflict() {
        PatientCase c = patient("r1")
                .radiology(0, "CT", null, List.of(new LesionMeasurement("L1", "lung", false, 40.0, false)))
                .radiology(60, "CT", "Stable disease", List.of(new LesionMeasurement("L1", "lung", false, 20.0, false)))
                .build();
        CaseFlag flag = flags(c, FlagType.RESPONSE_CONFLICT).get(0);
        assertThat(flag.summary()).contains("SD").contains("PR");
        assertThat(flag.evidence().get(1).value()).contains("sum 20.0 mm");
        assertThat(flag.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void responseStatedInReportTextIsCheckedTooAndMissedProgressionIsCritical() {
        PatientCase c = patient("r2")
                .radiology(0, "CT", null, List.of(new LesionMeasurement("L1", "lung", false, 40.0, false)))
                .radiology(60, "CT", null, List.of(new LesionMeasurement("L1", "lung", false, 52.0, false)),
                        fact(ReportField.RESPONSE, "stable disease"))
                .build();
        assertThat(flags(c, FlagType.RESPONSE_CONFLICT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void agreeingOrNotEvaluableResponsesRaiseNothing() {
        PatientCase c = patient("r3")
                .radiology(0, "CT", "PD", List.of(new LesionMeasurement("L1", "lung", false, 40.0, false),
                        new LesionMeasurement("L2", "liver", false, 20.0, false)))
                .radiology(60, "CT", "PR", List.of(new LesionMeasurement("L1", "lung", false, 20.0, false),
                        new LesionMeasurement("L2", "liver", false, 10.0, false)))
                .radiology(120, "CT", "CR", List.of(new LesionMeasurement("L1", "lung", false, 20.0, false)))
                .build();
        assertThat(checks.check(c)).isEmpty();
    }
}
