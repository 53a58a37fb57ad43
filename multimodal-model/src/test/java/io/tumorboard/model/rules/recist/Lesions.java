package io.tumorboard.model.rules.recist;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.cases.SourceRef;
import java.time.LocalDate;
import java.util.List;

/** Short builders for RECIST test cases: days are counted from a fixed baseline date. */
final class Lesions {

    static final LocalDate DAY0 = LocalDate.of(2024, 1, 10);

    private Lesions() {
    }

    static LesionMeasurement lesion(String id, String organ, Double mm) {
        return new LesionMeasurement(id, organ, false, mm, false);
    }

    static LesionMeasurement node(String id, Double shortAxisMm) {
        return new LesionMeasurement(id, "lymph node", true, shortAxisMm, false);
    }

    static LesionMeasurement newLesion(String id, String organ) {
        return new LesionMeasurement(id, organ, false, 8.0, true);
    }

    static ImagingStudy study(int day, LesionMeasurement... lesions) {
        return study(day, null, lesions);
    }

    static ImagingStudy study(int day, String documentedResponse, LesionMeasurement... lesions) {
        LocalDate date = DAY0.plusDays(day);
        return new ImagingStudy("CT-" + day, date, "CT", null, "", null, List.of(lesions), documentedResponse,
                SourceRef.fhir("ImagingStudy/ct-" + day, date));
    }
}
