package io.tumorboard.pipeline.cli;

import io.tumorboard.model.bench.BenchFigures;
import io.tumorboard.model.casestore.PipelineRun;
import io.tumorboard.pipeline.job.LatencyProbe;
import io.tumorboard.pipeline.job.PipelineRunner;
import io.tumorboard.pipeline.job.PipelineSettings;
import io.tumorboard.pipeline.sink.StoreConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: prints the bounded job's records/s and MB/s (whole run, and from its first record on) beside a
 * bare Jackson parse and a bare HAPI FHIR parse of the same NDJSON lines (and their ratios), then the continuous
 * mode's file-to-case latency (p50, p99). Figures only; nothing asserted.
 * {@code --report} also writes them as the product-wide bench report ({@link BenchFigures}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput of the bounded job vs a bare Jackson parse, and continuous-mode latency.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "the site's export folder (or its cohort folder)")
    Path input;

    @Option(names = "--site", required = true, description = "the site's name")
    String site;

    @Option(names = "--work", defaultValue = "demo-output/bench", description = "scratch folder; default "
            + "demo-output/bench")
    Path work;

    @Option(names = "--latency-files", defaultValue = "50", description = "files dropped in continuous mode; "
            + "default 50")
    int latencyFiles;

    @Option(names = "--parallelism", defaultValue = "2", description = "default 2")
    int parallelism;

    @Option(names = "--report", description = "also write the figures as the product-wide bench report (JSON)")
    Path report;

    @Override
    public Integer call() throws Exception {
        Path siteFolder = Files.isDirectory(input.resolve(site)) ? input.resolve(site) : input;
        Path run = work.resolve("run-" + System.currentTimeMillis());
        ThroughputFigures.Bytes bytes = ThroughputFigures.measureBytes(siteFolder);

        long start = System.currentTimeMillis();
        PipelineSettings bounded = settings(siteFolder, run.resolve("bounded"), null);
        PipelineRunner.BoundedRun result = new PipelineRunner(PipelineCommand.DefaultRules.create())
                .run(PipelineRunner.environment(bounded), bounded, n -> { });
        long end = System.currentTimeMillis();
        PipelineRun counts = result.counts();
        JobTiming timing = new JobTiming((end - start) / 1e3,
                (result.firstRecordRead().toEpochMilli() - start) / 1e3);
        double jacksonSeconds = ThroughputFigures.jacksonSeconds(siteFolder);
        double hapiSeconds = ThroughputFigures.hapiSeconds(siteFolder);

        System.out.printf(Locale.ROOT, "input: %,d records, %.1f MB (%,d NDJSON lines, %.1f MB)%n",
                counts.recordsIn(), bytes.all() / 1e6, bytes.ndjsonLines(), bytes.ndjson() / 1e6);
        System.out.printf(Locale.ROOT, "job (bounded, MiniCluster start included): %.2f s, %,.0f records/s, "
                + "%.2f MB/s%n", timing.total(), counts.recordsIn() / timing.total(),
                bytes.all() / 1e6 / timing.total());
        System.out.printf(Locale.ROOT, "  start-up (MiniCluster, submission, scheduling, until the first record is "
                + "read): %.1f s%n", timing.startup());
        System.out.printf(Locale.ROOT, "  from the first record to the job's result: %.2f s, %,.0f records/s, "
                + "%.2f MB/s%n", timing.processing(), counts.recordsIn() / timing.processing(),
                bytes.all() / 1e6 / timing.processing());
        System.out.printf(Locale.ROOT, "bare Jackson readTree of the NDJSON lines: %.3f s, %,.0f records/s, "
                + "%.2f MB/s%n", jacksonSeconds, bytes.ndjsonLines() / jacksonSeconds,
                bytes.ndjson() / 1e6 / jacksonSeconds);
        System.out.printf(Locale.ROOT, "bare HAPI FHIR strict parse of the NDJSON lines: %.3f s, %,.0f records/s, "
                + "%.2f MB/s%n", hapiSeconds, bytes.ndjsonLines() / hapiSeconds, bytes.ndjson() / 1e6 / hapiSeconds);
        System.out.printf(Locale.ROOT, "job MB/s / Jackson MB/s: %.4f whole run, %.4f from the first record%n",
                ratio(bytes, timing.total(), jacksonSeconds), ratio(bytes, timing.processing(), jacksonSeconds));
        System.out.printf(Locale.ROOT, "job MB/s / HAPI MB/s: %.3f whole run, %.3f from the first record%n",
                ratio(bytes, timing.total(), hapiSeconds), ratio(bytes, timing.processing(), hapiSeconds));

        Path live = run.resolve("live-site");
        ThroughputFigures.copy(siteFolder, live);
        PipelineSettings settings = settings(live, run.resolve("continuous"), Duration.ofMillis(100));
        StreamExecutionEnvironment env = PipelineRunner.environment(settings);
        new PipelineRunner(PipelineCommand.DefaultRules.create()).build(env, settings);
        JobClient job = env.executeAsync("bench continuous: " + site);
        List<Long> latencies;
        try {
            latencies = new ArrayList<>(new LatencyProbe(settings).measure(latencyFiles, 120_000));
            latencies.sort(Long::compare);
            System.out.printf(Locale.ROOT, "continuous: file-to-case latency over %d files, once caught up with the "
                    + "export (watch interval 100 ms): p50 %d ms, p99 %d ms, max %d ms%n", latencies.size(),
                    percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
        } finally {
            job.cancel().get();
            awaitEnd(job);
        }
        if (report != null) {
            String setting = String.format(Locale.ROOT, "site %s, %,d records, %.1f MB, parallelism %d, %d files in "
                    + "continuous mode once caught up with the export (watch interval 100 ms)", site,
                    counts.recordsIn(), bytes.all() / 1e6, parallelism, latencyFiles);
            figures(setting, counts.recordsIn(), bytes, timing, jacksonSeconds, hapiSeconds, latencies)
                    .write(report);
            System.out.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }

    /**
     * Waits for a cancelled job to end: {@code cancel()} returns once the request is taken, and exiting before
     * the job has stopped would close the case store under a sink still writing to it.
     */
    private static void awaitEnd(JobClient cancelled) throws InterruptedException {
        try {
            cancelled.getJobExecutionResult().get();
        } catch (ExecutionException | CancellationException expected) {
            // A cancelled job's result is its cancellation.
        }
    }

    /** The bounded job's wall time and its start-up: until its source read the first record. */
    record JobTiming(double total, double startup) {

        double processing() {
            return total - startup;
        }
    }

    /** Job MB/s (all export files) over reference MB/s (the NDJSON lines it parsed). */
    private static double ratio(ThroughputFigures.Bytes bytes, double jobSeconds, double referenceSeconds) {
        return (bytes.all() / jobSeconds) / (bytes.ndjson() / referenceSeconds);
    }

    /** The printed figures, each with what it is measured against; {@code latencies} sorted, ms. */
    static BenchFigures figures(String setting, long records, ThroughputFigures.Bytes bytes, JobTiming timing,
                                double jacksonSeconds, double hapiSeconds, List<Long> latencies) {
        double jacksonMbPerSecond = bytes.ndjson() / 1e6 / jacksonSeconds;
        double hapiMbPerSecond = bytes.ndjson() / 1e6 / hapiSeconds;
        return new BenchFigures("data-pipelines", setting)
                .plain("bounded job wall time (MiniCluster start included)", timing.total(), "s")
                .plain("bounded job records/s", records / timing.total(), "records/s")
                .against("bounded job MB/s (all export files)", bytes.all() / 1e6 / timing.total(), "MB/s",
                        "bare Jackson readTree of the export's NDJSON lines, best of 3", jacksonMbPerSecond)
                .plain("bare Jackson readTree records/s (NDJSON lines)", bytes.ndjsonLines() / jacksonSeconds,
                        "records/s")
                .plain("continuous file-to-case latency p50", percentile(latencies, 0.50), "ms")
                .plain("continuous file-to-case latency p99", percentile(latencies, 0.99), "ms")
                .plain("continuous file-to-case latency max", latencies.get(latencies.size() - 1), "ms")
                .plain("bounded job start-up (until the first record is read)", timing.startup(), "s")
                .against("bounded job MB/s from the first record", bytes.all() / 1e6 / timing.processing(), "MB/s",
                        "bare Jackson readTree of the export's NDJSON lines, best of 3", jacksonMbPerSecond)
                .against("bounded job MB/s from the first record, against HAPI",
                        bytes.all() / 1e6 / timing.processing(), "MB/s",
                        "bare HAPI FHIR strict parse of the export's NDJSON lines, best of 3", hapiMbPerSecond);
    }

    private PipelineSettings settings(Path siteFolder, Path out, Duration watch) {
        return new PipelineSettings(siteFolder, site, ("tumorboard-demo-secret-" + site)
                .getBytes(StandardCharsets.UTF_8), out, new StoreConnection("jdbc:h2:file:"
                + out.resolve("casestore").toAbsolutePath(), "sa", ""), "bench", watch, Duration.ofMinutes(5),
                parallelism, Duration.ofSeconds(1), null, null);
    }

    static long percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
