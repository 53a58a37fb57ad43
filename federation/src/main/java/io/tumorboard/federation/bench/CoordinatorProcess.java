package io.tumorboard.federation.bench;

import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.security.CertificateFolder;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * A coordinator alone in its own JVM, so the benchmark can read the coordinator's peak heap without the
 * site's buffers mixed in. Arguments: certificate folder, work folder, model size in values. Prints
 * {@code PORT p}, then after its one-round run {@code MEMORY base peak} (bytes).
 */
public final class CoordinatorProcess {

    private CoordinatorProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path certs = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int values = Integer.parseInt(args[2]);
        System.gc();
        long base = heapUsed();
        resetPeaks();
        ModelWeights initial = new ModelWeights(ModelLayout.flat("bench", values), new float[values]);
        RunConfiguration cfg = RunConfiguration.of("bench", 1, 1, 1).withTraining(1, 0.1, Duration.ofMinutes(5), 1L)
                .withEncoding(io.tumorboard.federation.weights.UpdateEncoding.FP32, 1e9);
        TrainingRun run = new TrainingRun(cfg, initial, Set.of("bench-site"), work,
                new AuditLog(work.resolve("audit.jsonl"), Clock.systemUTC()), new RoundListener() { }, Clock.systemUTC());
        try (CoordinatorServer server = CoordinatorServer.mutualTls("127.0.0.1", 0, new CertificateFolder(certs),
                new AuditLog(work.resolve("audit.jsonl"), Clock.systemUTC()), run).start()) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            server.awaitFinished(600_000);
        }
        System.out.println("MEMORY " + base + " " + peakHeap());
        System.out.flush();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
