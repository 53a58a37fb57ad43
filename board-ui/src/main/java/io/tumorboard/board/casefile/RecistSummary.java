package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LesionMeasurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Target-lesion response per RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228-247), from the lesions
 * measured at each time point. Target lesions are those measured at baseline (the first study with
 * measurements); non-target lesions are not assessed here, so the board still reads the report.
 */
final class RecistSummary {

    /** RECIST 1.1 §4.3.1: at least a 30 % decrease of the sum against baseline is a partial response. */
    static final double PR_DECREASE_PCT = -30.0;
    /** RECIST 1.1 §4.3.1: at least a 20 % increase against the nadir, and at least 5 mm absolute, is progression. */
    static final double PD_INCREASE_PCT = 20.0;
    static final double PD_ABSOLUTE_MM = 5.0;
    /** RECIST 1.1 §4.3.1: complete response needs every target node below 10 mm short axis. */
    static final double NODE_NORMAL_MM = 10.0;

    private RecistSummary() {
    }

    static List<RecistTimePoint> of(List<ImagingStudy> imaging) {
        List<ImagingStudy> measured = imaging.stream().filter(i -> !i.lesions().isEmpty() && i.date() != null)
                .sorted(Comparator.comparing(ImagingStudy::date)).toList();
        if (measured.isEmpty()) {
            return List.of();
        }
        Set<String> targets = measured.get(0).lesions().stream().filter(l -> l.diameterMm() != null)
                .map(LesionMeasurement::lesionId).collect(Collectors.toSet());
        List<RecistTimePoint> points = new ArrayList<>();
        double baseline = 0;
        double nadir = Double.MAX_VALUE;
        for (int i = 0; i < measured.size(); i++) {
            ImagingStudy study = measured.get(i);
            List<LesionMeasurement> targetLesions = study.lesions().stream()
                    .filter(l -> targets.contains(l.lesionId()) && l.diameterMm() != null).toList();
            double sum = targetLesions.stream().mapToDouble(LesionMeasurement::diameterMm).sum();
            if (i == 0) {
                baseline = sum;
                nadir = sum;
                points.add(new RecistTimePoint(study.date(), study.studyId(), sum, null, null, "baseline",
                        study.documentedResponse()));
                continue;
            }
            double fromBaseline = baseline == 0 ? 0 : (sum - baseline) / baseline * 100;
            double fromNadir = nadir == 0 ? 0 : (sum - nadir) / nadir * 100;
            boolean newLesion = study.lesions().stream().anyMatch(LesionMeasurement::newLesion);
            String response;
            if (newLesion || (fromNadir >= PD_INCREASE_PCT && sum - nadir >= PD_ABSOLUTE_MM)) {
                response = "PD";
            } else if (targetLesions.stream().allMatch(l -> l.lymphNode() ? l.diameterMm() < NODE_NORMAL_MM
                    : l.diameterMm() == 0)) {
                response = "CR";
            } else if (fromBaseline <= PR_DECREASE_PCT) {
                response = "PR";
            } else {
                response = "SD";
            }
            points.add(new RecistTimePoint(study.date(), study.studyId(), sum, fromBaseline, fromNadir, response,
                    study.documentedResponse()));
            nadir = Math.min(nadir, sum);
        }
        return points;
    }
}
