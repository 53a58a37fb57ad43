package io.tumorboard.model.learning.cli;

import io.tumorboard.model.learning.bench.FusionBenchmark;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints training throughput, single-case latency and GFLOP/s against the machine's peak. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark training and inference.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    CohortInput input = new CohortInput();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--synthetic", defaultValue = "2000", description = "synthetic cases when no input is given")
    int synthetic;

    @Option(names = "--latency-samples", defaultValue = "2000", description = "single-case forward passes timed")
    int latencySamples;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var cases = input.cases == null && input.table == null
                ? new SyntheticCohort(network.seed).cases(synthetic, List.of("site-a", "site-b", "site-c"))
                : input.read(spec.commandLine().getErr());
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
        return 0;
    }
}
