package io.tumorboard.federation.weights;

/**
 * The size of the buffers and blocks that stream a model or an update through the heap: spool and weights-file
 * I/O, digest staging, aggregation blocks, received chunk pieces. G1 allocates an object of half a region or more
 * as "humongous", in whole regions of its own; regions are 1 MiB in heaps up to 2 GB, so a 1 MiB buffer held two
 * of them, and a few in flight were most of what a small coordinator held beyond the model. 256 KiB stays well
 * under half a region in any heap and is still ample for sequential file I/O and digests.
 */
public final class HeapBlocks {

    /** Bytes per streaming buffer or block. */
    public static final int BYTES = 256 << 10;

    private HeapBlocks() {
    }
}
