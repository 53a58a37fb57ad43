package io.tumorboard.board.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.rules.recist.RecistResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case page's RECIST 1.1 course, computed by the clinical rules' evaluator, with the board's additions. */
class RecistCourseTest {

    private static ImagingStudy study(String id, String date, String documented, LesionMeasurement... lesions) {
        return new ImagingStudy(id, LocalDate.parse(date), "CT", null, "", null, List.of(lesions), documented,
                SourceRef.fhir("ImagingStudy/" + id, LocalDate.parse(date)));
    }

    private static LesionMeasurement lesion(String id, Double mm) {
        return new LesionMeasurement(id, "lung", false, mm, false);
    }

    private static LesionMeasurement node(String id, Double mm) {
        return new LesionMeasurement(id, "mediastinum", true, mm, false);
    }

    @Test
    void noMeasuredStudyGivesNoCourse() {
        assertThat(RecistCourse.of(List.of(study("s0", "2026-01-05", null)))).isEmpty();
    }

    @Test
    void aPartialResponseThenProgressionAgainstTheNadirWithBestOverallResponseAndChanges() {
        // Baseline 40 + 20 = 60 mm; 36 mm is -40 % (PR); 44 mm is +22 % and +8 mm vs the 36 mm nadir (PD).
        RecistCourse course = RecistCourse.of(List.of(
                study("s2", "2026-05-01", "PD", lesion("L1", 28.0), node("N1", 16.0)),
                study("s0", "2026-01-05", null, lesion("L1", 40.0), node("N1", 20.0)),
                study("s1", "2026-03-01", "PR", lesion("L1", 24.0), node("N1", 12.0)))).orElseThrow();

        assertThat(course.assessment().baselineStudyId()).isEqualTo("s0");
        assertThat(course.assessment().baselineSumMm()).isEqualTo(60.0);
        assertThat(course.points()).extracting(p -> p.assessment().overall())
                .containsExactly(RecistResponse.PR, RecistResponse.PD);
        assertThat(course.points().get(0).changeFromBaselinePct()).isEqualTo(-40.0);
        assertThat(course.points().get(1).assessment().nadirSumMm()).isEqualTo(36.0);
        assertThat(course.points().get(1).changeFromNadirPct()).isCloseTo(22.2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(course.assessment().bestOverallResponse()).isEqualTo(RecistResponse.PR);
        assertThat(course.points()).noneMatch(RecistCourse.Point::disagrees);
        assertThat(course.source()).isEqualTo("RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009)");
    }

    @Test
    void aNewLesionIsProgressionWhateverTheTargetSum() {
        RecistCourse course = RecistCourse.of(List.of(study("s0", "2026-01-05", null, lesion("L1", 40.0)),
                study("s1", "2026-03-01", "SD", lesion("L1", 30.0), new LesionMeasurement("L9", "liver", false, 12.0,
                        true)))).orElseThrow();
        RecistCourse.Point point = course.points().get(0);
        assertThat(point.assessment().newLesions()).isTrue();
        assertThat(point.assessment().overall()).isEqualTo(RecistResponse.PD);
        assertThat(point.disagrees()).as("the report says SD, the rule PD").isTrue();
    }

    @Test
    void anUnmeasuredTargetMakesTheTimePointNotEvaluableAndSaysWhich() {
        RecistCourse course = RecistCourse.of(List.of(
                study("s0", "2026-01-05", null, lesion("L1", 30.0), lesion("L2", 20.0)),
                study("s1", "2026-03-01", null, lesion("L1", 29.0)))).orElseThrow();
        RecistCourse.Point point = course.points().get(0);
        assertThat(point.assessment().target()).isEqualTo(RecistResponse.NE);
        assertThat(point.assessment().overall()).isEqualTo(RecistResponse.NE);
        assertThat(point.changeFromBaselinePct()).isNull();
        assertThat(point.notEvaluable()).singleElement().asString().contains("L2", "not measured");
        assertThat(course.assessment().bestOverallResponse()).isEqualTo(RecistResponse.NE);
    }
}
