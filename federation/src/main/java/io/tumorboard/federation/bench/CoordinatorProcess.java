package io.tumorboard.federation.bench;

import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
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
 * A coordinator alone in its own JVM, so the benchmark can read the coordinator's heap without the site's
 * buffers mixed in. Arguments: certificate folder, work folder, model size in values. Its run has
 * {@value #ROUNDS} rounds: in the first the site's pulls are timed and its push warms the upload path up; the
 * second's push is timed; the third's only gets the last under way (its close is where the probe starts, and
 * nothing is timed there); through the whole last round, from the moment the one before closed until it has
 * (the site's pull of the model, its upload, validation, aggregation, checkpoint, the next model read back), a
 * probe collects garbage and samples the heap in use every few milliseconds: the largest sample is what the
 * coordinator retains at its peak. Prints {@code PORT p}, {@code ACCEPTED t} when the second round's update has
 * been accepted (spooled, its digest checked, validated; {@link System#nanoTime()}), then at the end
 * {@code MEMORY base retained poolPeaks listening} (bytes): the heap in use
 * after a collection at start, the probe's largest sample, the sum of the heap pools' peaks since start (garbage
 * included, an upper bound), and the heap in use after a collection once the server listens, before any site
 * has connected (the model plus the server's fixed state: gRPC, Netty, TLS, the run's bookkeeping).
 */
public final class CoordinatorProcess {

    /** The run's rounds: pulls and a warm-up push, the timed push, one that starts the probe, the probed one. */
    static final int ROUNDS = 4;

    private CoordinatorProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path certs = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int values = Integer.parseInt(args[2]);
        long base = RetainedHeapProbe.collectAndSample();
        resetPeaks();
        RunConfiguration cfg = RunConfiguration.of("bench", ROUNDS, 1, 1)
                .withTraining(1, 0.1, Duration.ofMinutes(5), 1L)
                .withEncoding(io.tumorboard.federation.weights.UpdateEncoding.FP32, 1e9);
        RetainedHeapProbe probe = new RetainedHeapProbe();
        RoundListener probeLastRound = new RoundListener() {
            @Override
            public void siteReported(String runId, int round, String site, SiteReport report) {
                if (round == 2 && report.kind() == TaskKind.TRAIN) {
                    // The site's clock and this one are the same monotonic clock (one machine, CLOCK_MONOTONIC).
                    System.out.println("ACCEPTED " + System.nanoTime());
                    System.out.flush();
                }
            }

            @Override
            public void roundClosed(ClosedRound closed) {
                if (closed.round() == ROUNDS - 1) {
                    probe.start();
                } else if (closed.round() == ROUNDS) {
                    probe.stop();
                }
            }
        };
        // The initial model is handed over, not kept: the run owns its copy, as a real coordinator's would.
        TrainingRun run = new TrainingRun(cfg, new ModelWeights(ModelLayout.flat("bench", values), new float[values]),
                Set.of("bench-site"), work, new AuditLog(work.resolve("audit.jsonl"), Clock.systemUTC()),
                probeLastRound, Clock.systemUTC());
        try (CoordinatorServer server = CoordinatorServer.mutualTls("127.0.0.1", 0, new CertificateFolder(certs),
                new AuditLog(work.resolve("audit.jsonl"), Clock.systemUTC()), run).start()) {
            long listening = RetainedHeapProbe.collectAndSample();
            System.out.println("PORT " + server.port());
            System.out.flush();
            server.awaitFinished(600_000);
            System.out.println("MEMORY " + base + " " + probe.largest() + " " + peakHeap() + " " + listening);
        }
        System.out.flush();
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
