package io.tumorboard.model.rules.recist;

import static io.tumorboard.model.rules.recist.Lesions.lesion;
import static io.tumorboard.model.rules.recist.Lesions.newLesion;
import static io.tumorboard.model.rules.recist.Lesions.node;
import static io.tumorboard.model.rules.recist.Lesions.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LesionMeasurement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RECIST 1.1 edge cases, each written from the paper (Eisenhauer et al. 2009), not from the code. */
class RecistEvaluatorTest {

    private final RecistEvaluator unconfirmed = new RecistEvaluator(RecistOptions.unconfirmed());
    private final RecistEvaluator confirmed = new RecistEvaluator(RecistOptions.confirmed());

    private RecistAssessment assess(ImagingStudy... studies) {
        return unconfirmed.assess(List.of(studies)).orElseThrow();
    }

    private TimePointAssessment last(ImagingStudy... studies) {
        List<TimePointAssessment> points = assess(studies).timePoints();
        return points.get(points.size() - 1);
    }

    // --- baseline selection (section 3) ---

    @Test
    void atMostFiveTargetsAndTwoPerOrganLargestFirst() {
        RecistAssessment a = assess(study(0, lesion("L1", "lung", 50.0), lesion("L2", "lung", 40.0),
                lesion("L3", "lung", 30.0), lesion("H1", "liver", 25.0), lesion("H2", "liver", 20.0),
                lesion("H3", "liver", 60.0), lesion("B1", "bone", 12.0), lesion("A1", "adrenal", 11.0)));
        assertThat(a.targetLesionIds()).containsExactly("H3", "L1", "L2", "H1", "B1");
        assertThat(a.nonTargetLesionIds()).containsExactlyInAnyOrder("L3", "H2", "A1");
        assertThat(a.baselineSumMm()).isEqualTo(60 + 50 + 40 + 25 + 12);
    }

    @Test
    void lesionUnderTenMillimetresIsNonTarget() {
        RecistAssessment a = assess(study(0, lesion("L1", "lung", 9.9), lesion("L2", "lung", 10.0)));
        assertThat(a.targetLesionIds()).containsExactly("L2");
        assertThat(a.nonTargetLesionIds()).containsExactly("L1");
    }

    @Test
    void nodeNeedsFifteenMillimetreShortAxisToBeTarget() {
        RecistAssessment a = assess(study(0, node("N1", 15.0), node("N2", 14.9), node("N3", 10.0), node("N4", 9.9)));
        assertThat(a.targetLesionIds()).containsExactly("N1");
        assertThat(a.nonTargetLesionIds()).as("10 to <15 mm pathological, <10 mm normal")
                .containsExactlyInAnyOrder("N2", "N3");
    }

    @Test
    void unmeasuredLesionAtBaselineIsNonTarget() {
        RecistAssessment a = assess(study(0, lesion("E1", "pleura", null), lesion("L1", "lung", 20.0)));
        assertThat(a.nonTargetLesionIds()).containsExactly("E1");
    }

    @Test
    void baselineSumAddsLongAxisOfLesionsAndShortAxisOfNodes() {
        assertThat(assess(study(0, lesion("L1", "lung", 32.0), node("N1", 18.0))).baselineSumMm()).isEqualTo(50.0);
    }

    @Test
    void earliestStudyWithMeasurementsIsTheBaselineWhateverTheListOrder() {
        RecistAssessment a = unconfirmed.assess(List.of(study(60, lesion("L1", "lung", 20.0)),
                study(0, lesion("L1", "lung", 40.0)))).orElseThrow();
        assertThat(a.baselineStudyId()).isEqualTo("CT-0");
        assertThat(a.timePoints().get(0).target()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void noMeasurementsMeansNoAssessment() {
        assertThat(unconfirmed.assess(List.of())).isEmpty();
        assertThat(unconfirmed.assess(List.of(study(0)))).isEmpty();
    }

    // --- target response (section 4.3.1) ---

    @ParameterizedTest(name = "baseline {0}, nadir-setting {1}, now {2} mm -> {3}")
    @CsvSource({
        // baseline, intermediate (or -1 for none), current, expected target response
        "100, -1, 70, PR",     // exactly -30% is PR
        "100, -1, 70.1, SD",   // just short of -30%
        "100, -1, 120, PD",    // exactly +20% and +20 mm
        "100, -1, 119.9, SD",  // just short of +20%
        "100, -1, 100, SD",
        "20, -1, 24, SD",      // +20% but only +4 mm: the 5 mm rule
        "20, -1, 25, PD",      // +25% and +5 mm
        "20, -1, 24.9, SD",
        "100, 50, 60, PD",     // +20% from nadir 50 and +10 mm, though below baseline
        "100, 50, 59.9, PR",   // under +20% of nadir: still PR against baseline
        "100, 80, 96, PD",     // nadir 80: +20% = 96, +16 mm
        "100, 80, 95, SD",
        "100, 110, 119, SD",   // nadir stays at baseline 100 when it grew: 119 < 120
        "10, 4.5, 10, PD",     // 4.5 mm counts as 5 (too small default); 10 >= 5*1.2 and +5 mm
        "10, 4.5, 9.9, SD",    // +4.9 mm from the 5 mm default: below the 5 mm absolute rule
        "30, 0, 5, PD",        // nadir 0 (vanished), reappearing at 5 mm: +5 mm, infinite %
        "30, 0, 4, PD",        // reappears too small to measure: counted 5 mm
        "30, -1, 0, CR",
        "30, -1, 3, PR",       // present but tiny: 5 mm, not CR
    })
    void targetResponseFollowsThePaperThresholds(double baseline, double intermediate, double now, String expected) {
        List<ImagingStudy> studies = new ArrayList<>();
        studies.add(study(0, lesion("L1", "lung", baseline)));
        if (intermediate >= 0) {
            studies.add(study(42, lesion("L1", "lung", intermediate)));
        }
        studies.add(study(84, lesion("L1", "lung", now)));
        List<TimePointAssessment> points = unconfirmed.assess(studies).orElseThrow().timePoints();
        assertThat(points.get(points.size() - 1).target()).isEqualTo(RecistResponse.valueOf(expected));
    }

    @Test
    void completeResponseAllowsTargetNodesStillMeasurableUnderTenMillimetres() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 30.0), node("N1", 20.0)),
                study(56, lesion("L1", "lung", 0.0), node("N1", 9.0)));
        assertThat(p.target()).isEqualTo(RecistResponse.CR);
        assertThat(p.targetSumMm()).as("the sum keeps the node's 9 mm").isEqualTo(9.0);
    }

    @Test
    void nodeAtTenMillimetresIsNotComplete() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 30.0), node("N1", 20.0)),
                study(56, lesion("L1", "lung", 0.0), node("N1", 10.0)));
        assertThat(p.target()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void nodesAreNeverRaisedToTheFiveMillimetreDefault() {
        TimePointAssessment p = last(study(0, node("N1", 16.0)), study(56, node("N1", 3.0)));
        assertThat(p.targetSumMm()).isEqualTo(3.0);
        assertThat(p.target()).isEqualTo(RecistResponse.CR);
    }

    @Test
    void tooSmallLesionIsRecordedAsFiveMillimetres() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 20.0), lesion("L2", "liver", 20.0)),
                study(56, lesion("L1", "lung", 2.0), lesion("L2", "liver", 20.0)));
        assertThat(p.targetSumMm()).isEqualTo(25.0);
    }

    @Test
    void missingTargetMeasurementIsNotEvaluable() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 20.0), lesion("L2", "liver", 20.0)),
                study(56, lesion("L1", "lung", 10.0)));
        assertThat(p.target()).isEqualTo(RecistResponse.NE);
        assertThat(p.targetSumMm()).isNull();
        assertThat(p.overall()).isEqualTo(RecistResponse.NE);
    }

    @Test
    void targetRecordedWithoutDiameterIsNotEvaluable() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 20.0)), study(56, lesion("L1", "lung", null)));
        assertThat(p.target()).isEqualTo(RecistResponse.NE);
    }

    @Test
    void missingTargetStillGivesProgressionWhenTheMeasuredOnesAlreadyMeetIt() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 20.0), lesion("L2", "liver", 20.0)),
                study(56, lesion("L1", "lung", 50.0)));
        assertThat(p.target()).isEqualTo(RecistResponse.PD);
    }

    @Test
    void missingTimePointDoesNotMoveTheNadir() {
        RecistAssessment a = assess(study(0, lesion("L1", "lung", 20.0), lesion("L2", "liver", 20.0)),
                study(42, lesion("L1", "lung", 5.0)),
                study(84, lesion("L1", "lung", 20.0), lesion("L2", "liver", 20.0)));
        assertThat(a.timePoints().get(1).nadirSumMm()).isEqualTo(40.0);
        assertThat(a.timePoints().get(1).target()).isEqualTo(RecistResponse.SD);
    }

    @Test
    void nadirIsTheSmallestEarlierSumNotTheBaseline() {
        RecistAssessment a = assess(study(0, lesion("L1", "lung", 50.0)), study(42, lesion("L1", "lung", 30.0)),
                study(84, lesion("L1", "lung", 40.0)), study(126, lesion("L1", "lung", 36.0)));
        assertThat(a.timePoints().get(1).nadirSumMm()).isEqualTo(30.0);
        assertThat(a.timePoints().get(1).target()).isEqualTo(RecistResponse.PD);
        assertThat(a.timePoints().get(2).nadirSumMm()).isEqualTo(30.0);
    }

    @Test
    void negativeDiameterIsRefusedWithTheValue() {
        assertThatThrownBy(() -> assess(study(0, lesion("L1", "lung", 20.0)), study(56, lesion("L1", "lung", -1.0))))
                .hasMessageContaining("-1.0");
    }

    // --- non-target response and new lesions (sections 4.3.3, 4.3.4) ---

    @Test
    void newLesionAloneIsProgressionEvenWhenTargetsShrink() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 40.0)),
                study(56, lesion("L1", "lung", 10.0), newLesion("B9", "bone")));
        assertThat(p.target()).isEqualTo(RecistResponse.PR);
        assertThat(p.newLesions()).isTrue();
        assertThat(p.overall()).isEqualTo(RecistResponse.PD);
    }

    @Test
    void newLesionWithAllTargetsGoneIsStillProgression() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 40.0)),
                study(56, lesion("L1", "lung", 0.0), newLesion("H9", "liver")));
        assertThat(p.overall()).isEqualTo(RecistResponse.PD);
    }

    @Test
    void newLesionWithMissingTargetsIsProgressionNotNotEvaluable() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 40.0)), study(56, newLesion("H9", "liver")));
        assertThat(p.target()).isEqualTo(RecistResponse.NE);
        assertThat(p.overall()).isEqualTo(RecistResponse.PD);
    }

    @Test
    void nonTargetGoneAndNodesNormalIsNonTargetComplete() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 30.0), lesion("E1", "pleura", 8.0), node("N2", 12.0)),
                study(56, lesion("L1", "lung", 0.0), lesion("E1", "pleura", 0.0), node("N2", 7.0)));
        assertThat(p.nonTarget()).isEqualTo(RecistResponse.CR);
        assertThat(p.overall()).isEqualTo(RecistResponse.CR);
    }

    @Test
    void targetsCompleteButNonTargetPersistingIsPartialOverall() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 30.0), lesion("E1", "pleura", null)),
                study(56, lesion("L1", "lung", 0.0), lesion("E1", "pleura", null)));
        assertThat(p.target()).isEqualTo(RecistResponse.CR);
        assertThat(p.nonTarget()).isEqualTo(RecistResponse.NON_CR_NON_PD);
        assertThat(p.overall()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void targetsCompleteButNonTargetNotAssessedIsPartialOverall() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 30.0), lesion("E1", "pleura", null)),
                study(56, lesion("L1", "lung", 0.0)));
        assertThat(p.nonTarget()).isEqualTo(RecistResponse.NE);
        assertThat(p.overall()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void partialWithNonTargetNotAssessedStaysPartial() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 30.0), lesion("E1", "pleura", null)),
                study(56, lesion("L1", "lung", 15.0)));
        assertThat(p.overall()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void stableWithNonTargetPresentIsStable() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 30.0), lesion("E1", "pleura", null)),
                study(56, lesion("L1", "lung", 28.0), lesion("E1", "pleura", null)));
        assertThat(p.overall()).isEqualTo(RecistResponse.SD);
    }

    @Test
    void nonTargetOnlyDiseasePersistingIsNonCrNonPd() {
        TimePointAssessment p = last(study(0, lesion("E1", "pleura", null), node("N2", 12.0)),
                study(56, lesion("E1", "pleura", null), node("N2", 12.0)));
        assertThat(p.target()).isNull();
        assertThat(p.overall()).isEqualTo(RecistResponse.NON_CR_NON_PD);
    }

    @Test
    void nonTargetOnlyDiseaseGoneIsComplete() {
        TimePointAssessment p = last(study(0, lesion("E1", "pleura", 6.0)), study(56, lesion("E1", "pleura", 0.0)));
        assertThat(p.overall()).isEqualTo(RecistResponse.CR);
    }

    @Test
    void nonTargetOnlyDiseaseNotAssessedIsNotEvaluable() {
        TimePointAssessment p = last(study(0, lesion("E1", "pleura", 6.0), lesion("E2", "bone", null)),
                study(56, lesion("E1", "pleura", 0.0)));
        assertThat(p.overall()).isEqualTo(RecistResponse.NE);
    }

    @Test
    void nonTargetOnlyDiseaseWithNewLesionIsProgression() {
        TimePointAssessment p = last(study(0, lesion("E1", "pleura", 6.0)),
                study(56, lesion("E1", "pleura", 6.0), newLesion("X1", "brain")));
        assertThat(p.overall()).isEqualTo(RecistResponse.PD);
    }

    @Test
    void onlyNormalNodesAtBaselineLeavesNothingToEvaluate() {
        TimePointAssessment p = last(study(0, node("N1", 8.0)), study(56, node("N1", 8.0)));
        assertThat(p.overall()).isEqualTo(RecistResponse.NE);
    }

    // --- best overall response (section 4.4, 4.6) ---

    @Test
    void bestResponseWithoutConfirmationIsTheBestBeforeProgression() {
        RecistAssessment a = assess(study(0, lesion("L1", "lung", 50.0)), study(42, lesion("L1", "lung", 30.0)),
                study(84, lesion("L1", "lung", 45.0)), study(126, lesion("L1", "lung", 0.0)));
        assertThat(a.timePoints()).extracting(TimePointAssessment::overall)
                .containsExactly(RecistResponse.PR, RecistResponse.PD, RecistResponse.CR);
        assertThat(a.bestOverallResponse()).as("nothing after progression counts").isEqualTo(RecistResponse.PR);
    }

    @Test
    void stableDiseaseBeforeItsMinimumIntervalDoesNotCount() {
        assertThat(assess(study(0, lesion("L1", "lung", 50.0)), study(21, lesion("L1", "lung", 48.0)),
                study(63, lesion("L1", "lung", 70.0))).bestOverallResponse()).isEqualTo(RecistResponse.PD);
        assertThat(assess(study(0, lesion("L1", "lung", 50.0)), study(42, lesion("L1", "lung", 48.0)))
                .bestOverallResponse()).isEqualTo(RecistResponse.SD);
    }

    @Test
    void earlyStableDiseaseAloneIsNotEvaluable() {
        assertThat(assess(study(0, lesion("L1", "lung", 50.0)), study(21, lesion("L1", "lung", 48.0)))
                .bestOverallResponse()).isEqualTo(RecistResponse.NE);
    }

    @Test
    void onlyNotEvaluableTimePointsGiveNotEvaluable() {
        assertThat(assess(study(0, lesion("L1", "lung", 50.0), lesion("L2", "liver", 20.0)),
                study(56, lesion("L1", "lung", 40.0))).bestOverallResponse()).isEqualTo(RecistResponse.NE);
    }

    @Test
    void confirmedPartialResponseNeedsALaterPartialAtLeastFourWeeksOn() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0)), study(42, lesion("L1", "lung", 30.0)),
                study(70, lesion("L1", "lung", 30.0)));
        assertThat(confirmed.assess(course).orElseThrow().bestOverallResponse()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void partialResponseConfirmedTooSoonIsOnlyStable() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0)), study(42, lesion("L1", "lung", 30.0)),
                study(60, lesion("L1", "lung", 30.0)));
        assertThat(confirmed.assess(course).orElseThrow().bestOverallResponse()).isEqualTo(RecistResponse.SD);
    }

    @Test
    void unconfirmedCompleteResponseFollowedByProgressionIsStableWhenLongEnough() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0)), study(56, lesion("L1", "lung", 0.0)),
                study(112, lesion("L1", "lung", 20.0)));
        assertThat(confirmed.assess(course).orElseThrow().bestOverallResponse()).isEqualTo(RecistResponse.SD);
        assertThat(unconfirmed.assess(course).orElseThrow().bestOverallResponse()).isEqualTo(RecistResponse.CR);
    }

    @Test
    void completeResponseConfirmedByALaterCompleteResponse() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0)), study(56, lesion("L1", "lung", 0.0)),
                study(84, lesion("L1", "lung", 0.0)));
        assertThat(confirmed.assess(course).orElseThrow().bestOverallResponse()).isEqualTo(RecistResponse.CR);
    }

    @Test
    void reappearanceAfterCompleteResponseIsProgressionFromTheZeroNadir() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0)), study(56, lesion("L1", "lung", 0.0)),
                study(84, lesion("L1", "lung", 12.0)));
        RecistAssessment a = confirmed.assess(course).orElseThrow();
        assertThat(a.timePoints().get(1).overall()).isEqualTo(RecistResponse.PD);
        assertThat(a.bestOverallResponse()).as("unconfirmed CR after 8 weeks counts as SD").isEqualTo(RecistResponse.SD);
    }

    @Test
    void completeResponseFollowedByPartialIsConfirmedOnlyAsPartial() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0), node("N1", 20.0)),
                study(56, lesion("L1", "lung", 0.0), node("N1", 8.0)),
                study(84, lesion("L1", "lung", 0.0), node("N1", 11.0)));
        RecistAssessment a = confirmed.assess(course).orElseThrow();
        assertThat(a.timePoints()).extracting(TimePointAssessment::overall)
                .containsExactly(RecistResponse.CR, RecistResponse.PR);
        assertThat(a.bestOverallResponse()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void earlyUnconfirmedPartialFollowedByProgressionIsProgression() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0)), study(28, lesion("L1", "lung", 30.0)),
                study(40, lesion("L1", "lung", 45.0)));
        assertThat(confirmed.assess(course).orElseThrow().bestOverallResponse()).isEqualTo(RecistResponse.PD);
    }

    @Test
    void confirmationIsBrokenByInterveningProgression() {
        List<ImagingStudy> course = List.of(study(0, lesion("L1", "lung", 50.0)), study(42, lesion("L1", "lung", 30.0)),
                study(56, lesion("L1", "lung", 40.0)), study(84, lesion("L1", "lung", 30.0)));
        assertThat(confirmed.assess(course).orElseThrow().bestOverallResponse()).isEqualTo(RecistResponse.SD);
    }

    @Test
    void nonTargetOnlyDiseaseBestResponseIsNonCrNonPdAfterTheInterval() {
        assertThat(assess(study(0, lesion("E1", "pleura", null)), study(56, lesion("E1", "pleura", null)))
                .bestOverallResponse()).isEqualTo(RecistResponse.NON_CR_NON_PD);
    }

    @Test
    void documentedResponseTextIsRead() {
        assertThat(RecistResponse.parse("Partial response")).contains(RecistResponse.PR);
        assertThat(RecistResponse.parse("stable disease")).contains(RecistResponse.SD);
        assertThat(RecistResponse.parse("non-CR/non-PD")).contains(RecistResponse.NON_CR_NON_PD);
        assertThat(RecistResponse.parse("PD")).contains(RecistResponse.PD);
        assertThat(RecistResponse.parse("much better")).isEmpty();
    }

    @Test
    void optionsRefuseNegativeIntervals() {
        assertThatThrownBy(() -> new RecistOptions(true, -1, 42)).hasMessageContaining("days");
    }

    @Test
    void lesionIdsAreMatchedAcrossTimePointsNotPositions() {
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 40.0), lesion("L2", "liver", 10.0)),
                study(56, lesion("L2", "liver", 10.0), lesion("L1", "lung", 12.0)));
        assertThat(p.targetSumMm()).isEqualTo(22.0);
        assertThat(p.target()).isEqualTo(RecistResponse.PR);
    }

    @Test
    void aLesionCalledNewIsNotMistakenForABaselineLesionOfTheSameId() {
        LesionMeasurement reusedId = new LesionMeasurement("L1", "lung", false, 60.0, true);
        TimePointAssessment p = last(study(0, lesion("L1", "lung", 40.0)), study(56, reusedId));
        assertThat(p.target()).isEqualTo(RecistResponse.NE);
        assertThat(p.overall()).isEqualTo(RecistResponse.PD);
    }
}
