package io.tumorboard.federation.site;

import java.util.Map;

/** A model evaluated on held-out data: how many examples and aggregate metrics (e.g. loss, accuracy). */
public record EvaluationResult(long exampleCount, Map<String, Double> metrics) {

    public EvaluationResult {
        metrics = Map.copyOf(metrics);
    }
}
