package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.nio.file.Files;
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
        return spooled(dir, values, sites, median).aggregate();
    }

    /**
     * {@code sites} fp32 updates of {@code values} values written to spool files in {@code dir}, ready to be
     * aggregated with FedAvg or the median: what a coordinator holds on disk when a round closes.
     */
    public static Spooled spooled(Path dir, int values, int sites, boolean median) throws IOException {
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
        return new Spooled(values, updates, new Aggregation(median ? CoordinateRule.median()
                : CoordinateRule.weightedMean(), ServerStep.plain()));
    }

    /** Spooled updates and the rule that will combine them. */
    public static final class Spooled {
        private final int values;
        private final List<SpooledUpdate> updates;
        private final Aggregation aggregation;

        private Spooled(int values, List<SpooledUpdate> updates, Aggregation aggregation) {
            this.values = values;
            this.updates = updates;
            this.aggregation = aggregation;
        }

        /**
         * Aggregates once into a new global model written to a file in the spool folder; returns the seconds
         * it took (making the file durable, the checkpoint's fsync, is not timed). The old global model is made
         * here, so memory sampled around this call counts it, as a coordinator holds it.
         */
        public double aggregate() throws IOException {
            ModelWeights global = new ModelWeights(ModelLayout.flat("bench", values), new float[values]);
            Path next = updates.get(0).file().resolveSibling("next-global.f32");
            try (WeightsFile.Writer out = WeightsFile.Writer.open(next)) {
                long t0 = System.nanoTime();
                aggregation.apply(global, updates, out);
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.commit();
                return seconds;
            } finally {
                Files.deleteIfExists(next);
            }
        }
    }
}
