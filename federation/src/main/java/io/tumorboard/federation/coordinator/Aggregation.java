package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.weights.HeapBlocks;
import io.tumorboard.federation.weights.ModelWeights;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds a round's accepted updates into the next global model, one block of coordinates at a time across
 * all sites, in site-name order, and writes each block of the new model straight out (to the round's
 * checkpoint file), so the new model is never whole in memory beside the old one. Memory: the old global
 * model plus k + 1 blocks of {@value #BLOCK} values (k sites); the median and trimmed mean also sort one k-value column at a time, so
 * the robust rules cost k x block, not k x model. Reading spool files in a fixed order (not folding in
 * arrival order) makes the result bit-identical whatever order the sites answered in, which is what lets a
 * restarted coordinator reproduce an uninterrupted run.
 */
final class Aggregation {

    /** Values per block: the double accumulator, the largest of the blocks, fills one {@link HeapBlocks#BYTES}. */
    static final int BLOCK = HeapBlocks.BYTES / Double.BYTES;

    private final CoordinateRule rule;
    private final ServerStep step;

    Aggregation(CoordinateRule rule, ServerStep step) {
        this.rule = rule;
        this.step = step;
    }

    /** Writes the next global model, in order, to {@code next}; the caller commits or discards it. */
    void apply(ModelWeights global, List<SpooledUpdate> accepted, WeightsFile.Writer next) throws IOException {
        List<SpooledUpdate> sites = new ArrayList<>(accepted);
        sites.sort(Comparator.comparing(SpooledUpdate::site));
        int k = sites.size();
        long[] examples = new long[k];
        for (int s = 0; s < k; s++) {
            examples[s] = sites.get(s).report().exampleCount();
        }
        float[] nextBlock = new float[BLOCK];
        float[][] blocks = new float[k][BLOCK];
        double[] aggregate = new double[BLOCK];
        List<SpooledUpdate.Reader> readers = new ArrayList<>();
        try {
            for (SpooledUpdate u : sites) {
                readers.add(u.open(global.layout()));
            }
            int size = global.values().length;
            for (int from = 0; from < size; from += BLOCK) {
                int n = Math.min(BLOCK, size - from);
                for (int s = 0; s < k; s++) {
                    readers.get(s).next(blocks[s], n);
                }
                rule.combine(blocks, examples, n, aggregate);
                step.apply(global.values(), aggregate, from, n, nextBlock);
                next.write(nextBlock, 0, n);
            }
        } finally {
            for (SpooledUpdate.Reader r : readers) {
                r.close();
            }
        }
    }
}
