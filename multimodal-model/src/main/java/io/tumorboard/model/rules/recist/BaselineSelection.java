package io.tumorboard.model.rules.recist;

import io.tumorboard.model.cases.LesionMeasurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Target and non-target lesions at baseline (RECIST 1.1 sections 3.1-3.3): measurable is a non-nodal lesion of
 * at least 10 mm longest diameter or a node of at least 15 mm short axis; up to 5 measurable lesions, at most 2
 * per organ, are targets, chosen here by size (largest first, ties by lesion id, so the choice is repeatable).
 * Nodes of 10 to under 15 mm short axis are pathological but not measurable, hence non-target; nodes under
 * 10 mm are normal and not followed. Non-nodal lesions under 10 mm or without a measurement are non-target.
 */
record BaselineSelection(List<LesionMeasurement> targets, List<LesionMeasurement> nonTargets) {

    static final int MAX_TARGETS = 5;
    static final int MAX_TARGETS_PER_ORGAN = 2;
    static final double MEASURABLE_LESION_MM = 10.0;
    static final double MEASURABLE_NODE_SHORT_AXIS_MM = 15.0;
    static final double PATHOLOGICAL_NODE_SHORT_AXIS_MM = 10.0;

    static BaselineSelection of(List<LesionMeasurement> baseline) {
        List<LesionMeasurement> measurable = new ArrayList<>();
        List<LesionMeasurement> nonTargets = new ArrayList<>();
        for (LesionMeasurement lesion : baseline) {
            Double d = lesion.diameterMm();
            if (lesion.lymphNode()) {
                if (d != null && d >= MEASURABLE_NODE_SHORT_AXIS_MM) {
                    measurable.add(lesion);
                } else if (d == null || d >= PATHOLOGICAL_NODE_SHORT_AXIS_MM) {
                    nonTargets.add(lesion);
                }
            } else if (d != null && d >= MEASURABLE_LESION_MM) {
                measurable.add(lesion);
            } else {
                nonTargets.add(lesion);
            }
        }
        measurable.sort(Comparator.comparing(LesionMeasurement::diameterMm).reversed()
                .thenComparing(LesionMeasurement::lesionId));
        List<LesionMeasurement> targets = new ArrayList<>();
        Map<String, Integer> perOrgan = new HashMap<>();
        for (LesionMeasurement lesion : measurable) {
            String organ = lesion.organ() == null ? "" : lesion.organ().strip().toLowerCase(Locale.ROOT);
            if (targets.size() < MAX_TARGETS && perOrgan.getOrDefault(organ, 0) < MAX_TARGETS_PER_ORGAN) {
                targets.add(lesion);
                perOrgan.merge(organ, 1, Integer::sum);
            } else {
                nonTargets.add(lesion);
            }
        }
        return new BaselineSelection(targets, nonTargets);
    }

    double sumMm() {
        return targets.stream().mapToDouble(LesionMeasurement::diameterMm).sum();
    }
}
