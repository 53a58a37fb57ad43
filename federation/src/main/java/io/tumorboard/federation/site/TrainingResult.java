package io.tumorboard.federation.site;

import io.tumorboard.federation.weights.ModelWeights;
import java.util.Map;

/** A local training pass: the trained weights, the examples used and aggregate training metrics. */
public record TrainingResult(ModelWeights trained, long exampleCount, Map<String, Double> metrics) {

    public TrainingResult {
        metrics = Map.copyOf(metrics);
    }
}
