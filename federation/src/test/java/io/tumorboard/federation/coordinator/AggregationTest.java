package io.tumorboard.federation.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregationTest {

    /** Two blocks and a short third one, so block boundaries are crossed. */
    private static final int SIZE = 2 * Aggregation.BLOCK + 3;
    private static final ModelLayout LAYOUT = ModelLayout.flat("w", SIZE);

    @TempDir
    Path dir;

    @Test
    void aModelLargerThanOneBlockIsWrittenOutBlockByBlockAsTheExampleWeightedMeanOfEveryCoordinate() throws Exception {
        ModelWeights global = new ModelWeights(LAYOUT, ramp(0.5f));
        List<SpooledUpdate> updates = List.of(spooled("b", ramp(-1f), 30), spooled("a", ramp(2f), 10));
        float[] next = aggregate(new Aggregation(CoordinateRule.weightedMean(), ServerStep.plain()), global, updates);
        for (int i = 0; i < SIZE; i++) {
            float expected = (float) (0.5 * i + (10 * 2.0 * i + 30 * -1.0 * i) / 40.0);
            assertThat(next[i]).as("coordinate %d", i).isEqualTo(expected);
        }
    }

    @Test
    void fedAdamKeepsEachCoordinatesMomentsAcrossBlocks() throws Exception {
        float[] m = new float[SIZE];
        float[] v = new float[SIZE];
        AdamStep adam = new AdamStep(0.1, 0.9, 0.99, 1e-3, m, v);
        float[] next = aggregate(new Aggregation(CoordinateRule.weightedMean(), adam),
                new ModelWeights(LAYOUT, new float[SIZE]), List.of(spooled("a", ramp(1f), 10)));
        for (int i : new int[] {1, Aggregation.BLOCK + 1, SIZE - 1}) {
            double d = i;
            assertThat(m[i]).as("m at %d", i).isEqualTo((float) (0.1 * d));
            assertThat(next[i]).as("coordinate %d", i)
                    .isEqualTo((float) (0.1 * (0.1 * d) / (Math.sqrt(0.01 * d * d) + 1e-3)));
        }
    }

    @Test
    void aWriterThatIsNotCommittedLeavesNeitherTheFileNorItsTemporary() throws Exception {
        Path file = dir.resolve("round-0001.weights.f32");
        try (WeightsFile.Writer out = WeightsFile.Writer.open(file)) {
            out.write(new float[] {1f, 2f}, 0, 2);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }
    }

    private float[] aggregate(Aggregation aggregation, ModelWeights global, List<SpooledUpdate> updates)
            throws Exception {
        Path file = dir.resolve("next.f32");
        try (WeightsFile.Writer out = WeightsFile.Writer.open(file)) {
            aggregation.apply(global, updates, out);
            out.commit();
        }
        return WeightsFile.read(file, SIZE);
    }

    private SpooledUpdate spooled(String site, float[] values, long examples) throws Exception {
        Path f = dir.resolve(site + ".update");
        WeightsFile.write(f, values);
        return new SpooledUpdate(site, new SiteReport(1, "t-" + site, TaskKind.TRAIN, examples, Map.of(), 0), f,
                UpdateEncoding.FP32, new float[1]);
    }

    private static float[] ramp(float slope) {
        float[] v = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            v[i] = slope * i;
        }
        return v;
    }
}
