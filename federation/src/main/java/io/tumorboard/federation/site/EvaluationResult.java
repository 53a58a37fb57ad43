package io.tumorboard.federation.site;

import io.tumorboard.federation.calibration.SiteCalibration;
import java.util.Map;

/**
 * A model evaluated on held-out data: how many examples and aggregate metrics (e.g. loss, accuracy), and, from a
 * learner that predicts survival, the held-out cases' predicted 3-year risks and outcomes, from which the site
 * builds its calibration aggregates (they stay at the site; only counts leave it).
 *
 * @param calibration null for a learner without survival predictions
 */
public record EvaluationResult(long exampleCount, Map<String, Double> metrics, SiteCalibration calibration) {

    public EvaluationResult {
        metrics = Map.copyOf(metrics);
    }

    public EvaluationResult(long exampleCount, Map<String, Double> metrics) {
        this(exampleCount, metrics, null);
    }
}
