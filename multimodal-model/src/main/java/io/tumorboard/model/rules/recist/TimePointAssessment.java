package io.tumorboard.model.rules.recist;

import java.time.LocalDate;

/**
 * The RECIST 1.1 assessment at one follow-up time point.
 *
 * @param studyId the imaging study
 * @param date its date
 * @param targetSumMm sum of target diameters in mm (long axis, short axis for nodes), null when a target is missing
 * @param nadirSumMm the smallest sum before this time point (baseline included), in mm
 * @param target target-lesion response, null when there were no target lesions at baseline
 * @param nonTarget non-target response, null when there were no non-target lesions at baseline
 * @param newLesions whether a new lesion was reported
 * @param overall the overall response (RECIST 1.1 Tables 1 and 2)
 */
public record TimePointAssessment(
        String studyId,
        LocalDate date,
        Double targetSumMm,
        double nadirSumMm,
        RecistResponse target,
        RecistResponse nonTarget,
        boolean newLesions,
        RecistResponse overall) {
}
