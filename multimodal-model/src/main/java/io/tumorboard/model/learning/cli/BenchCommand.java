package io.tumorboard.model.learning.cli;

import io.tumorboard.model.bench.BenchFigures;
import io.tumorboard.model.learning.bench.FusionBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints training throughput, single-case latency and GFLOP/s against the machine's peak; {@code --report} also
 * writes them as the product-wide bench report ({@link BenchFigures}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark training and inference.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    CohortInput input = new CohortInput();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--latency-samples", defaultValue = "2000", description = "single-case forward passes timed")
    int latencySamples;

    @Option(names = "--report", description = "also write the figures as the product-wide bench report (JSON)")
    Path report;

    /** The goal the issue sets for one case through the network alone. */
    static final double GOAL_FORWARD_P99_MS = 10.0;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (input.cases == null && input.table == null && input.cohort == null && input.synthetic == null) {
            input.synthetic = 2000; // a bench needs no data: default to 2,000 synthetic cases
        }
        var cases = input.read(spec.commandLine().getErr());
        FusionBenchmark.Figures f;
        try (ProgressBar bar = new ProgressBar("bench (epochs)", network.epochs)) {
            f = new FusionBenchmark(network.spec(), network.training()).run(cases, latencySamples, bar::stepTo);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("backend: %s, OMP_NUM_THREADS=%s%n", org.nd4j.linalg.factory.Nd4j.getBackend().getClass()
                .getSimpleName(), System.getenv("OMP_NUM_THREADS"));
        out.printf("cases: %d, parameters: %d, batch: %d%n", cases.size(), f.parameters(), network.batch);
        out.printf("training: %.0f examples/s, %.3f GFLOP/s achieved%n", f.trainingExamplesPerSecond(), f.trainingGflops());
        out.printf("peak: %s; achieved/peak = %.3f%%%n", f.peak().description(),
                100 * f.trainingGflops() / f.peak().gflops());
        out.printf("single-case network forward: p50 %.3f ms, p99 %.3f ms (goal p99 < 10 ms)%n", f.forwardP50Ms(),
                f.forwardP99Ms());
        out.printf("single-case full prediction (30 MC-dropout samples, OOD, explanations): p50 %.3f ms, p99 %.3f ms%n",
                f.predictP50Ms(), f.predictP99Ms());
        if (report != null) {
            String setting = String.format(Locale.ROOT, "%d cases, %d parameters, batch %d, %d epochs, %d latency "
                    + "samples, backend %s, OMP_NUM_THREADS=%s", cases.size(), f.parameters(), network.batch,
                    network.epochs, latencySamples, org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName(),
                    System.getenv("OMP_NUM_THREADS"));
            figures(f, setting).write(report);
            out.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }

    /** The printed figures, each with what it is measured against. */
    static BenchFigures figures(FusionBenchmark.Figures f, String setting) {
        return new BenchFigures("multimodal-model", setting)
                .plain("training throughput", f.trainingExamplesPerSecond(), "examples/s")
                .against("training achieved GFLOP/s", f.trainingGflops(), "GFLOP/s",
                        "machine fp32 peak: " + f.peak().description(), f.peak().gflops())
                .plain("single-case network forward p50", f.forwardP50Ms(), "ms")
                .againstGoal("single-case network forward p99", f.forwardP99Ms(), "ms", "goal 10 ms",
                        GOAL_FORWARD_P99_MS, "p99 < 10 ms", f.forwardP99Ms() < GOAL_FORWARD_P99_MS)
                .plain("single-case full prediction p50 (30 MC-dropout samples, OOD, explanations)",
                        f.predictP50Ms(), "ms")
                .plain("single-case full prediction p99 (30 MC-dropout samples, OOD, explanations)",
                        f.predictP99Ms(), "ms");
    }
}
