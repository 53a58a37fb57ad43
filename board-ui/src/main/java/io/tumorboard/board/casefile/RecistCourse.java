package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.rules.recist.RecistAssessment;
import io.tumorboard.model.rules.recist.RecistEvaluator;
import io.tumorboard.model.rules.recist.RecistOptions;
import io.tumorboard.model.rules.recist.RecistResponse;
import io.tumorboard.model.rules.recist.TimePointAssessment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The case's RECIST 1.1 course as the clinical rules assess it ({@link RecistEvaluator}, unconfirmed responses:
 * a tumor board reads the course as it stands, not a trial's confirmed endpoint), with what the board needs
 * beside each time point: the change against baseline and nadir, the report's own stated response, and why a
 * time point is not evaluable. The page names {@link #SOURCE} as the rule's source.
 *
 * @param assessment the evaluator's assessment
 * @param baselineDate the baseline study's date, null when it has none
 * @param points the follow-up time points with the board's additions
 */
public record RecistCourse(RecistAssessment assessment, String baselineDate, List<Point> points) {

    static final String SOURCE = "RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009)";
    private static final RecistEvaluator EVALUATOR = new RecistEvaluator(RecistOptions.unconfirmed());

    /**
     * One follow-up time point.
     *
     * @param assessment the evaluator's time point
     * @param changeFromBaselinePct the target sum against the baseline sum, in %, null when not computable
     * @param changeFromNadirPct the target sum against the nadir before it, in %, null when not computable
     * @param documented the response the radiology report states, null when none
     * @param notEvaluable why a part of the assessment is NE, empty when every part was evaluable
     */
    public record Point(TimePointAssessment assessment, Double changeFromBaselinePct, Double changeFromNadirPct,
            String documented, List<String> notEvaluable) {

        /** Whether the report's stated response differs from the computed overall response. */
        public boolean disagrees() {
            return documented != null && RecistResponse.parse(documented)
                    .map(r -> r != assessment.overall()).orElse(false);
        }
    }

    /** The course, or empty when no study carries lesion measurements. */
    static Optional<RecistCourse> of(List<ImagingStudy> imaging) {
        return EVALUATOR.assess(imaging).map(a -> {
            Map<String, ImagingStudy> byId = imaging.stream()
                    .collect(Collectors.toMap(ImagingStudy::studyId, Function.identity(), (x, y) -> x));
            ImagingStudy baseline = byId.get(a.baselineStudyId());
            List<Point> points = new ArrayList<>();
            for (TimePointAssessment t : a.timePoints()) {
                ImagingStudy study = byId.get(t.studyId());
                points.add(new Point(t, change(t.targetSumMm(), a.baselineSumMm()), change(t.targetSumMm(), t.nadirSumMm()),
                        study == null ? null : study.documentedResponse(), notEvaluable(a, t, study)));
            }
            return new RecistCourse(a, baseline == null || baseline.date() == null ? null : baseline.date().toString(),
                    points);
        });
    }

    /** The rule's published source, as the page names it. */
    public String source() {
        return SOURCE;
    }

    private static Double change(Double sum, double reference) {
        return sum == null || reference == 0 ? null : (sum - reference) / reference * 100;
    }

    /** RECIST 1.1 section 4.3: a time point is NE when a baseline lesion was not reassessed at it. */
    private static List<String> notEvaluable(RecistAssessment a, TimePointAssessment t, ImagingStudy study) {
        List<String> reasons = new ArrayList<>();
        Map<String, LesionMeasurement> now = study == null ? Map.of() : study.lesions().stream()
                .filter(m -> !m.newLesion()).collect(Collectors.toMap(LesionMeasurement::lesionId, m -> m, (x, y) -> x));
        if (t.target() == RecistResponse.NE) {
            List<String> unmeasured = a.targetLesionIds().stream()
                    .filter(id -> now.get(id) == null || now.get(id).diameterMm() == null).toList();
            reasons.add("target lesion" + (unmeasured.size() == 1 ? " " : "s ") + String.join(", ", unmeasured)
                    + " not measured, so the target sum cannot be computed");
        }
        if (t.nonTarget() == RecistResponse.NE) {
            List<String> unassessed = a.nonTargetLesionIds().stream().filter(id -> !now.containsKey(id)).toList();
            reasons.add("non-target lesion" + (unassessed.size() == 1 ? " " : "s ") + String.join(", ", unassessed)
                    + " not reassessed");
        }
        if (t.date() == null) {
            reasons.add("the study has no date, so it cannot be ordered against baseline");
        }
        return reasons;
    }
}
