package io.tumorboard.federation.cli;

import io.tumorboard.federation.bench.RetainedHeapProbe;
import io.tumorboard.federation.bench.TransferBench;
import io.tumorboard.model.bench.BenchFigures;
import io.tumorboard.federation.coordinator.AggregationThroughput;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.simulation.FederationSimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code federation bench}: transfer, memory, aggregation and round-overhead figures; {@code --report} also writes
 * them as the product-wide bench report ({@link BenchFigures}), each beside what it is measured against.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print transfer time over mTLS vs raw socket, coordinator retained heap / model size, "
                + "aggregation throughput vs memory copy, and round overhead for 3 and 100 sites.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sizes-mb", split = ",", defaultValue = "10,16,64,256",
            description = "Model sizes in MB (fp32) for the transfer and memory figures (default ${DEFAULT-VALUE}).")
    List<Integer> sizesMb;

    @Option(names = "--gigabyte", description = "Also measure a 1 GB model (needs ~8 GB of free memory).")
    boolean gigabyte;

    @Option(names = "--aggregation-mb", defaultValue = "64", description = "Update size for aggregation throughput.")
    int aggregationMb;

    @Option(names = "--report", description = "Also write the figures as the product-wide bench report (JSON).")
    Path report;

    /** The goals: a transfer (pull or push) within 1.5 x the raw socket, coordinator memory within 2 x model. */
    static final double GOAL_TRANSFER_X_RAW = 1.5;
    static final double GOAL_HEAP_X_MODEL = 2.0;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("federation-bench");
        List<Integer> sizes = new ArrayList<>(sizesMb);
        if (gigabyte) {
            sizes.add(1024);
        }
        BenchFigures figures = new BenchFigures("federation", String.format(Locale.ROOT, "model sizes %s MB (fp32), "
                + "aggregation 3 x %d MB, loopback, coordinator in a child JVM", sizes, aggregationMb));
        System.out.println("model MB | raw socket s | mTLS socket s (x raw) | bare gRPC over mTLS s (x raw)"
                + " | mTLS pull s (x raw, x mTLS socket, x bare gRPC)"
                + " | push upload to acceptance s (x raw) | push to receipt (+ aggregate, checkpoint) s"
                + " | coordinator retained heap growth / model (of which the listening server's fixed MB)"
                + " | heap pools' peaks growth / model");
        try (ProgressBar bar = new ProgressBar("transfer", sizes.size())) {
            for (int mb : sizes) {
                var f = new TransferBench().measure(dir.resolve("transfer-" + mb), mb * 1_000_000 / 4);
                bar.step();
                System.out.printf("%8d | %12.3f | %10.3f (%.2fx) | %10.3f (%.2fx) | %10.3f (%.2fx, %.2fx, %.2fx)"
                                + " | %10.3f (%.2fx) | %10.3f | %.2f (%.1f MB) | %.2f%n", mb, f.rawSeconds(), f.tlsSeconds(),
                        f.tlsSeconds() / f.rawSeconds(), f.grpcSeconds(), f.grpcSeconds() / f.rawSeconds(),
                        f.pullSeconds(), f.pullSeconds() / f.rawSeconds(), f.pullSeconds() / f.tlsSeconds(),
                        f.pullSeconds() / f.grpcSeconds(), f.uploadSeconds(), f.uploadSeconds() / f.rawSeconds(),
                        f.pushSeconds(),
                        (f.coordinatorRetainedHeap() - f.coordinatorBaseHeap()) / (double) f.modelBytes(),
                        f.serverFixedHeap() / 1e6,
                        (f.coordinatorPoolPeaks() - f.coordinatorBaseHeap()) / (double) f.modelBytes());
                transfer(figures, mb, f);
            }
        }
        int values = aggregationMb * 1_000_000 / 4;
        float[] src = new float[values * 3];
        float[] dst = new float[values * 3];
        long t0 = System.nanoTime();
        System.arraycopy(src, 0, dst, 0, src.length);
        double copy = (System.nanoTime() - t0) / 1e9;
        Files.createDirectories(dir.resolve("aggregation"));
        double avg = AggregationThroughput.seconds(dir.resolve("aggregation"), values, 3, false);
        double median = AggregationThroughput.seconds(dir.resolve("aggregation"), values, 3, true);
        double mb = 3.0 * aggregationMb;
        System.out.printf("aggregation of 3 x %d MB updates from spool: FedAvg %.0f MB/s, median %.0f MB/s; "
                + "plain memory copy %.0f MB/s%n", aggregationMb, mb / avg, mb / median, mb / copy);
        aggregation(figures, aggregationMb, mb / avg, mb / median, mb / copy);
        // Untimed passes: what each rule retains while it aggregates (full collections sampled meanwhile).
        long avgRetained = retainedWhileAggregating(dir.resolve("aggregation"), values, false);
        long medianRetained = retainedWhileAggregating(dir.resolve("aggregation"), values, true);
        System.out.printf("retained heap growth while aggregating 3 x %d MB: FedAvg %.2f x model, median %.2f x model%n",
                aggregationMb, avgRetained / (aggregationMb * 1e6), medianRetained / (aggregationMb * 1e6));
        aggregationMemory(figures, aggregationMb, avgRetained, medianRetained);
        double threeSitesMeanMs = Double.NaN;
        for (int sites : new int[] {3, 100}) {
            RunConfiguration cfg = RunConfiguration.of("overhead-" + sites, 5, sites, sites)
                    .withTraining(1, 0.1, Duration.ofSeconds(60), 1L);
            var r = new FederationSimulation().run(new FederationSimulation.Options(cfg, sites, 8, 50, 1.0, true, -1,
                    dir.resolve("overhead-" + sites)), new RoundListener() { });
            System.out.printf("round overhead, %d in-process sites (logistic model, 50-200 cases each): mean %.1f ms, "
                    + "max %.1f ms per round; JVM peak heap %.1f MiB%n", sites, r.meanRoundMs(), r.maxRoundMs(),
                    r.peakHeapBytes() / 1048576.0);
            if (sites == 3) {
                threeSitesMeanMs = r.meanRoundMs();
            }
            overhead(figures, sites, r.meanRoundMs(), r.maxRoundMs(), r.peakHeapBytes(), threeSitesMeanMs);
        }
        if (report != null) {
            figures.write(report);
            System.out.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }

    /** One model size: the mTLS pull against the raw socket, the push, the coordinator's heap against the model. */
    static void transfer(BenchFigures figures, int mb, TransferBench.Figures f) {
        double pullRatio = f.pullSeconds() / f.rawSeconds();
        figures.againstGoal("mTLS pull of a " + mb + " MB model (digest check and decode included)", f.pullSeconds(),
                "s", "raw loopback socket copy of the same bytes", f.rawSeconds(), "<= 1.5 x raw socket",
                pullRatio <= GOAL_TRANSFER_X_RAW);
        figures.against("mutual-TLS socket copy of " + mb + " MB (Netty + BoringSSL as gRPC uses them, no HTTP/2,"
                + " no protobuf, no digest)", f.tlsSeconds(), "s", "raw loopback socket copy of the same bytes",
                f.rawSeconds());
        figures.against("bare gRPC stream of " + mb + " MB over the same mutual TLS (1 MiB protobuf BytesValue"
                + " messages built once, one warm connection; no model, no digest)", f.grpcSeconds(), "s",
                "raw loopback socket copy of the same bytes", f.rawSeconds());
        figures.against("mTLS pull of a " + mb + " MB model, against the TLS floor", f.pullSeconds(), "s",
                "mutual-TLS socket copy of the same bytes", f.tlsSeconds());
        figures.against("mTLS pull of a " + mb + " MB model, against the bare gRPC stream", f.pullSeconds(), "s",
                "bare gRPC stream of the same bytes over the same mutual TLS", f.grpcSeconds());
        figures.againstGoal("mTLS push of a " + mb + " MB update up to its acceptance (site encoding and digest,"
                        + " transfer, spooling, digest check, validation)", f.uploadSeconds(), "s",
                "raw loopback socket copy of the same bytes", f.rawSeconds(), "<= 1.5 x raw socket",
                f.uploadSeconds() / f.rawSeconds() <= GOAL_TRANSFER_X_RAW);
        figures.plain("push of a " + mb + " MB update to its receipt (the upload, then aggregation, checkpoint)",
                f.pushSeconds(), "s");
        double retainedMb = (f.coordinatorRetainedHeap() - f.coordinatorBaseHeap()) / 1e6;
        double modelMb = f.modelBytes() / 1e6;
        figures.againstGoal("coordinator retained heap growth through a round (the site's pull, its upload,"
                        + " aggregation, checkpoint), " + mb + " MB model (heap left by full collections, largest"
                        + " sample, since the JVM started)", retainedMb, "MB",
                "model size (fp32)", modelMb, "<= 2 x model size", retainedMb / modelMb <= GOAL_HEAP_X_MODEL);
        figures.plain("coordinator heap of the listening server before any site connected, " + mb
                + " MB model, model excluded (fixed: gRPC, Netty, TLS, the run's bookkeeping)",
                f.serverFixedHeap() / 1e6, "MB");
        figures.against("coordinator heap pools' peaks growth, " + mb + " MB model (garbage included)",
                (f.coordinatorPoolPeaks() - f.coordinatorBaseHeap()) / 1e6, "MB", "model size (fp32)", modelMb);
    }

    /** Aggregation of 3 updates read back from spool, against a plain in-memory copy of the same bytes. */
    static void aggregation(BenchFigures figures, int mb, double fedAvgMbs, double medianMbs, double copyMbs) {
        String reference = "plain in-memory copy (System.arraycopy) of 3 x " + mb + " MB";
        figures.against("FedAvg aggregation of 3 x " + mb + " MB updates from spool", fedAvgMbs, "MB/s", reference,
                copyMbs);
        figures.against("coordinate-median aggregation of 3 x " + mb + " MB updates from spool", medianMbs, "MB/s",
                reference, copyMbs);
    }

    private static long retainedWhileAggregating(Path dir, int values, boolean median) throws Exception {
        AggregationThroughput.Spooled spooled = AggregationThroughput.spooled(dir, values, 3, median);
        long base = RetainedHeapProbe.collectAndSample();
        RetainedHeapProbe probe = new RetainedHeapProbe();
        probe.start();
        spooled.aggregate();
        probe.stop();
        return probe.largest() - base;
    }

    /** Heap retained by each rule while aggregating 3 updates, against the model size. */
    static void aggregationMemory(BenchFigures figures, int mb, long fedAvgBytes, long medianBytes) {
        figures.againstGoal("retained heap growth, FedAvg of 3 x " + mb + " MB updates from spool", fedAvgBytes / 1e6,
                "MB", "model size (fp32)", mb, "<= 2 x model size", fedAvgBytes / 1e6 / mb <= GOAL_HEAP_X_MODEL);
        figures.againstGoal("retained heap growth, coordinate median of 3 x " + mb + " MB updates from spool",
                medianBytes / 1e6, "MB", "model size (fp32)", mb, "<= 2 x model size",
                medianBytes / 1e6 / mb <= GOAL_HEAP_X_MODEL);
    }

    /** Round overhead with in-process sites; 100 sites are measured against the 3-site mean. */
    static void overhead(BenchFigures figures, int sites, double meanMs, double maxMs, long peakHeapBytes,
                         double threeSitesMeanMs) {
        String name = "round overhead, " + sites + " in-process sites (logistic model), mean";
        if (sites == 3 || Double.isNaN(threeSitesMeanMs)) {
            figures.plain(name, meanMs, "ms");
        } else {
            figures.against(name, meanMs, "ms", "mean round with 3 in-process sites", threeSitesMeanMs);
        }
        figures.plain("round overhead, " + sites + " in-process sites, max", maxMs, "ms");
        figures.plain("JVM peak heap, " + sites + " in-process sites (sum of pool peaks)", peakHeapBytes / 1048576.0,
                "MiB");
    }
}
