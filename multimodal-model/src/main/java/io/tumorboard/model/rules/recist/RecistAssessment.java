package io.tumorboard.model.rules.recist;

import java.util.List;

/**
 * RECIST 1.1 over a course of imaging.
 *
 * @param baselineStudyId the study the target lesions were chosen on
 * @param targetLesionIds the target lesions (at most 5, at most 2 per organ)
 * @param nonTargetLesionIds every other lesion followed as non-target
 * @param baselineSumMm sum of the target diameters at baseline, in mm
 * @param timePoints the follow-up assessments in date order
 * @param bestOverallResponse best overall response under the options used
 */
public record RecistAssessment(
        String baselineStudyId,
        List<String> targetLesionIds,
        List<String> nonTargetLesionIds,
        double baselineSumMm,
        List<TimePointAssessment> timePoints,
        RecistResponse bestOverallResponse) {

    public RecistAssessment {
        targetLesionIds = List.copyOf(targetLesionIds);
        nonTargetLesionIds = List.copyOf(nonTargetLesionIds);
        timePoints = List.copyOf(timePoints);
    }
}
