package io.tumorboard.model.rules.recist;

import io.tumorboard.model.cases.LesionMeasurement;
import java.util.List;
import java.util.Map;

/**
 * Target-lesion response at one time point (RECIST 1.1 section 4.3.1 and 4.3.2):
 * <ul>
 *   <li>CR: every non-nodal target gone and every target node under 10 mm short axis (a node's sum never needs
 *       to reach zero);</li>
 *   <li>PD: sum at least 20% above the nadir (smallest sum so far, baseline included) and at least 5 mm above it
 *       in absolute terms;</li>
 *   <li>PR: sum at least 30% below the baseline sum;</li>
 *   <li>SD: neither;</li>
 *   <li>NE: a target not measured, unless the measured ones alone already meet PD.</li>
 * </ul>
 * A non-nodal target still present but measured under 5 mm counts as 5 mm (section 4.3.2: too small to measure
 * gets the 5 mm default; 0 mm only when it has disappeared). Nodes keep their real short axis.
 */
final class TargetResponse {

    static final double PD_RELATIVE = 0.20;
    static final double PD_ABSOLUTE_MM = 5.0;
    static final double PR_RELATIVE = 0.30;
    static final double TOO_SMALL_DEFAULT_MM = 5.0;
    static final double NORMAL_NODE_MM = 10.0;
    private static final double EPSILON_MM = 1e-9;

    /** The response, and the sum in mm (null when a target is missing). */
    record Result(RecistResponse response, Double sumMm) {
    }

    private TargetResponse() {
    }

    static Result at(List<LesionMeasurement> targets, Map<String, LesionMeasurement> now, double baselineSumMm,
            double nadirSumMm) {
        double sum = 0;
        boolean missing = false;
        boolean complete = true;
        for (LesionMeasurement target : targets) {
            LesionMeasurement m = now.get(target.lesionId());
            if (m == null || m.diameterMm() == null) {
                missing = true;
                continue;
            }
            double d = counted(target.lymphNode(), m.diameterMm());
            sum += d;
            complete &= target.lymphNode() ? d < NORMAL_NODE_MM : d == 0.0;
        }
        boolean progression = sum + EPSILON_MM >= nadirSumMm * (1 + PD_RELATIVE)
                && sum - nadirSumMm + EPSILON_MM >= PD_ABSOLUTE_MM;
        if (missing) {
            return new Result(progression ? RecistResponse.PD : RecistResponse.NE, null);
        }
        if (complete) {
            return new Result(RecistResponse.CR, sum);
        }
        if (progression) {
            return new Result(RecistResponse.PD, sum);
        }
        if (sum <= baselineSumMm * (1 - PR_RELATIVE) + EPSILON_MM) {
            return new Result(RecistResponse.PR, sum);
        }
        return new Result(RecistResponse.SD, sum);
    }

    static double counted(boolean lymphNode, double mm) {
        if (mm < 0 || Double.isNaN(mm)) {
            throw new IllegalArgumentException("a diameter must be >= 0 mm, was " + mm);
        }
        if (lymphNode || mm == 0.0) {
            return mm;
        }
        return Math.max(mm, TOO_SMALL_DEFAULT_MM);
    }
}
