package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark support: times the coordinator's real aggregation path (spool files read block by block,
 * combined, applied) against a plain in-memory copy of the same number of bytes.
 */
public final class AggregationThroughput {

    private AggregationThroughput() {
    }

    /** Seconds to aggregate {@code sites} fp32 updates of {@code values} values with FedAvg or the median. */
    public static double seconds(Path dir, int values, int sites, boolean median) throws IOException {
        ModelLayout layout = ModelLayout.flat("bench", values);
        Random r = new Random(1);
        List<SpooledUpdate> updates = new ArrayList<>();
        float[] u = new float[values];
        for (int s = 0; s < sites; s++) {
            for (int i = 0; i < values; i++) {
                u[i] = (float) r.nextGaussian() * 1e-3f;
            }
            Path f = dir.resolve("update-" + s + ".bin");
            WeightsFile.write(f, u); // the spool format of an FP32 update: little-endian fp32, as received
            updates.add(new SpooledUpdate("site-" + s, new SiteReport(1, "t" + s, TaskKind.TRAIN, 100 + s, Map.of(), 0),
                    f, UpdateEncoding.FP32, new float[1]));
        }
        Aggregation a = new Aggregation(median ? CoordinateRule.median() : CoordinateRule.weightedMean(), ServerStep.plain());
        ModelWeights global = new ModelWeights(layout, new float[values]);
        long t0 = System.nanoTime();
        a.apply(global, updates);
        return (System.nanoTime() - t0) / 1e9;
    }
}
