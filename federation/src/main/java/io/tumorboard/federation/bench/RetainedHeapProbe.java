package io.tumorboard.federation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * What a process retains, as opposed to what it has allocated: while running, a daemon thread repeatedly
 * asks for a full collection and samples the heap in use right after it, keeping the largest sample. The
 * collections slow the process down, so the probe runs only where no time is measured.
 */
public final class RetainedHeapProbe {

    private static final long PAUSE_MS = 5;

    private volatile boolean running;
    private volatile long largest;
    private Thread sampler;

    /**
     * A full collection, then the heap it left in use (bytes): the heap pools' usage as the collector recorded
     * it at the collection's end. Reading the heap's usage afterwards instead would count whatever other threads
     * allocated in between, as if it were live beside what the collection had just freed: a coordinator reading
     * its next model from the checkpoint once showed there as holding two models.
     */
    public static long collectAndSample() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return used;
    }

    public synchronized void start() {
        if (sampler != null) {
            return;
        }
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                largest = Math.max(largest, collectAndSample());
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "retained-heap-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling after one last sample (the state at the moment of stopping counts too). */
    public synchronized void stop() {
        if (sampler == null) {
            return;
        }
        largest = Math.max(largest, collectAndSample());
        running = false;
        sampler.interrupt();
    }

    /** The largest sample (bytes); 0 if the probe never ran. */
    public long largest() {
        return largest;
    }
}
