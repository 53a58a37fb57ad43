package io.tumorboard.model.rules.recist;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LesionMeasurement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228-247) over the lesion measurements of a case's imaging
 * studies: the earliest study with measurements is the baseline, every later one a time point.
 */
public final class RecistEvaluator {

    public static final String SOURCE = "RECIST 1.1, Eisenhauer et al., Eur J Cancer 2009;45:228-247";

    private final RecistOptions options;

    public RecistEvaluator(RecistOptions options) {
        this.options = options;
    }

    /** The assessment, or empty when no study carries lesion measurements. */
    public Optional<RecistAssessment> assess(List<ImagingStudy> studies) {
        List<ImagingStudy> measured = new ArrayList<>(studies.stream().filter(s -> !s.lesions().isEmpty()).toList());
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        measured.sort(Comparator.comparing(ImagingStudy::date, Comparator.nullsLast(Comparator.naturalOrder())));
        ImagingStudy baseline = measured.get(0);
        BaselineSelection selection = BaselineSelection.of(baseline.lesions());
        double baselineSum = selection.sumMm();
        double nadir = baselineSum;
        List<TimePointAssessment> points = new ArrayList<>();
        for (ImagingStudy study : measured.subList(1, measured.size())) {
            Map<String, LesionMeasurement> now = new HashMap<>();
            boolean newLesions = false;
            for (LesionMeasurement m : study.lesions()) {
                if (m.newLesion()) {
                    newLesions = true;
                } else {
                    now.put(m.lesionId(), m);
                }
            }
            RecistResponse target = null;
            Double sum = null;
            if (!selection.targets().isEmpty()) {
                TargetResponse.Result result = TargetResponse.at(selection.targets(), now, baselineSum, nadir);
                target = result.response();
                sum = result.sumMm();
            }
            RecistResponse nonTarget = NonTargetResponse.at(selection.nonTargets(), now);
            RecistResponse overall = OverallResponse.of(target, nonTarget, newLesions);
            points.add(new TimePointAssessment(study.studyId(), study.date(), sum, nadir, target, nonTarget,
                    newLesions, overall));
            if (sum != null) {
                nadir = Math.min(nadir, sum);
            }
        }
        LocalDate baselineDate = baseline.date();
        return Optional.of(new RecistAssessment(baseline.studyId(),
                selection.targets().stream().map(LesionMeasurement::lesionId).toList(),
                selection.nonTargets().stream().map(LesionMeasurement::lesionId).toList(),
                baselineSum, points, BestOverallResponse.of(baselineDate, points, options)));
    }
}
