package io.tumorboard.board.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.cases.SourceRef;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RECIST 1.1 target-lesion response (Eisenhauer et al. 2009, §4.3.1). */
class RecistSummaryTest {

    private static ImagingStudy study(int month, String documented, LesionMeasurement... lesions) {
        return new ImagingStudy("S" + month, LocalDate.of(2026, month, 1), "CT", null, "", null, List.of(lesions),
                documented, SourceRef.fhir("ImagingStudy/s" + month, LocalDate.of(2026, month, 1)));
    }

    private static LesionMeasurement lung(String id, double mm) {
        return new LesionMeasurement(id, "lung", false, mm, false);
    }

    @Test
    void aThirtyPercentDecreaseFromBaselineIsPartialResponse() {
        List<RecistTimePoint> points = RecistSummary.of(List.of(study(1, null, lung("L1", 32), lung("L2", 18)),
                study(3, "PR", lung("L1", 22), lung("L2", 13))));
        assertThat(points).extracting(RecistTimePoint::response).containsExactly("baseline", "PR");
        assertThat(points.get(1).sumMm()).isEqualTo(35.0);
        assertThat(points.get(1).changeFromBaselinePct()).isEqualTo(-30.0);
    }

    @Test
    void twentyPercentAndFiveMillimetresAboveTheNadirIsProgression() {
        List<RecistTimePoint> points = RecistSummary.of(List.of(study(1, null, lung("L1", 40)),
                study(3, null, lung("L1", 25)), study(5, null, lung("L1", 30))));
        assertThat(points).extracting(RecistTimePoint::response).containsExactly("baseline", "PR", "PD");
    }

    @Test
    void twentyPercentAboveTheNadirButLessThanFiveMillimetresIsStable() {
        List<RecistTimePoint> points = RecistSummary.of(List.of(study(1, null, lung("L1", 15)),
                study(3, null, lung("L1", 12)), study(5, null, lung("L1", 15.5))));
        assertThat(points.get(2).response()).isEqualTo("SD");
    }

    @Test
    void aNewLesionIsProgressionWhateverTheSum() {
        List<RecistTimePoint> points = RecistSummary.of(List.of(study(1, null, lung("L1", 30)),
                study(3, null, lung("L1", 20), new LesionMeasurement("L9", "liver", false, 8.0, true))));
        assertThat(points.get(1).response()).isEqualTo("PD");
    }

    @Test
    void completeResponseNeedsTargetNodesBelowTenMillimetresShortAxis() {
        LesionMeasurement node = new LesionMeasurement("N1", "mediastinum", true, 15.0, false);
        LesionMeasurement shrunkNode = new LesionMeasurement("N1", "mediastinum", true, 8.0, false);
        List<RecistTimePoint> points = RecistSummary.of(List.of(study(1, null, lung("L1", 20), node),
                study(3, "CR", lung("L1", 0), shrunkNode)));
        assertThat(points.get(1).response()).isEqualTo("CR");
    }

    @Test
    void studiesWithoutMeasurementsGiveNoRecistTable() {
        assertThat(RecistSummary.of(List.of(study(1, null)))).isEmpty();
    }
}
