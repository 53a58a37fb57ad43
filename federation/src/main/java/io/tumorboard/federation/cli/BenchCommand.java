package io.tumorboard.federation.cli;

import io.tumorboard.federation.bench.TransferBench;
import io.tumorboard.federation.coordinator.AggregationThroughput;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.simulation.FederationSimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code federation bench}: transfer, memory, aggregation and round-overhead figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print transfer time over mTLS vs raw socket, coordinator peak heap / model size, "
                + "aggregation throughput vs memory copy, and round overhead for 3 and 100 sites.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sizes-mb", split = ",", defaultValue = "16,64,256",
            description = "Model sizes in MB (fp32) for the transfer and memory figures (default ${DEFAULT-VALUE}).")
    List<Integer> sizesMb;

    @Option(names = "--gigabyte", description = "Also measure a 1 GB model (needs ~8 GB of free memory).")
    boolean gigabyte;

    @Option(names = "--aggregation-mb", defaultValue = "64", description = "Update size for aggregation throughput.")
    int aggregationMb;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("federation-bench");
        List<Integer> sizes = new ArrayList<>(sizesMb);
        if (gigabyte) {
            sizes.add(1024);
        }
        System.out.println("model MB | raw socket s | mTLS pull s (x raw) | push+validate+aggregate+checkpoint s"
                + " | coordinator peak heap / model");
        try (ProgressBar bar = new ProgressBar("transfer", sizes.size())) {
            for (int mb : sizes) {
                var f = new TransferBench().measure(dir.resolve("transfer-" + mb), mb * 1_000_000 / 4);
                bar.step();
                System.out.printf("%8d | %12.3f | %10.3f (%.2fx) | %10.3f | %.2f%n", mb, f.rawSeconds(), f.pullSeconds(),
                        f.pullSeconds() / f.rawSeconds(), f.pushSeconds(),
                        (f.coordinatorPeakHeap() - f.coordinatorBaseHeap()) / (double) f.modelBytes());
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
        for (int sites : new int[] {3, 100}) {
            RunConfiguration cfg = RunConfiguration.of("overhead-" + sites, 5, sites, sites)
                    .withTraining(1, 0.1, Duration.ofSeconds(60), 1L);
            var r = new FederationSimulation().run(new FederationSimulation.Options(cfg, sites, 8, 50, 1.0, true, -1,
                    dir.resolve("overhead-" + sites)), new RoundListener() { });
            System.out.printf("round overhead, %d in-process sites (logistic model, 50-200 cases each): mean %.1f ms, "
                    + "max %.1f ms per round; JVM peak heap %.1f MiB%n", sites, r.meanRoundMs(), r.maxRoundMs(),
                    r.peakHeapBytes() / 1048576.0);
        }
        return 0;
    }
}
