package io.tumorboard.model.rules.recist;

/**
 * The overall response at one time point: RECIST 1.1 Table 1 (target disease at baseline) and Table 2
 * (non-target disease only).
 */
final class OverallResponse {

    private OverallResponse() {
    }

    /**
     * @param target target response, null when there were no targets at baseline
     * @param nonTarget non-target response, null when there were no non-targets at baseline
     * @param newLesions whether a new lesion appeared
     */
    static RecistResponse of(RecistResponse target, RecistResponse nonTarget, boolean newLesions) {
        if (newLesions || target == RecistResponse.PD || nonTarget == RecistResponse.PD) {
            return RecistResponse.PD;
        }
        if (target == null) {
            // Table 2: non-target disease only; with no disease at all there is nothing to evaluate.
            return nonTarget == null ? RecistResponse.NE : nonTarget;
        }
        return switch (target) {
            case CR -> nonTarget == null || nonTarget == RecistResponse.CR ? RecistResponse.CR : RecistResponse.PR;
            case PR -> RecistResponse.PR;
            case SD -> RecistResponse.SD;
            default -> RecistResponse.NE;
        };
    }
}
