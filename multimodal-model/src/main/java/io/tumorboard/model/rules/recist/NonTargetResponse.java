package io.tumorboard.model.rules.recist;

import io.tumorboard.model.cases.LesionMeasurement;
import java.util.List;
import java.util.Map;

/**
 * Non-target response at one time point (RECIST 1.1 section 4.3.3): CR when every non-target lesion has gone
 * and every non-target node is under 10 mm short axis; NE when any was not assessed; non-CR/non-PD otherwise.
 * Unequivocal progression of non-target disease is a radiologist's judgement that the case schema does not
 * carry, so it is never inferred from numbers here; new lesions and target growth still give PD.
 */
final class NonTargetResponse {

    private NonTargetResponse() {
    }

    /** The response, or null when there were no non-target lesions at baseline. */
    static RecistResponse at(List<LesionMeasurement> nonTargets, Map<String, LesionMeasurement> now) {
        if (nonTargets.isEmpty()) {
            return null;
        }
        boolean allGone = true;
        for (LesionMeasurement lesion : nonTargets) {
            LesionMeasurement m = now.get(lesion.lesionId());
            if (m == null) {
                return RecistResponse.NE;
            }
            Double d = m.diameterMm();
            boolean gone = d != null && (lesion.lymphNode() ? d < TargetResponse.NORMAL_NODE_MM : d == 0.0);
            allGone &= gone;
        }
        return allGone ? RecistResponse.CR : RecistResponse.NON_CR_NON_PD;
    }
}
