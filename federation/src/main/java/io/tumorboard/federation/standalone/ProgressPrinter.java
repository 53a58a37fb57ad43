package io.tumorboard.federation.standalone;

import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.SiteReport;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One line per site report and per closed round on the operator's console; aggregate numbers only. */
final class ProgressPrinter implements RoundListener {

    private final PrintStream out;
    private final int rounds;

    ProgressPrinter(PrintStream out, int rounds) {
        this.out = out;
        this.rounds = rounds;
    }

    @Override
    public void siteReported(String runId, int round, String site, SiteReport report) {
        out.printf(Locale.ROOT, "  round %d/%d  %-12s %-8s %5d examples  %s%n", Math.min(round, rounds + 1), rounds,
                site, report.kind(), report.exampleCount(), format(report.metrics()));
    }

    @Override
    public void roundClosed(ClosedRound round) {
        out.printf(Locale.ROOT, "round %d/%d closed in %.1f s; aggregated %s%n", round.round(), rounds,
                round.took().toMillis() / 1000.0, round.contributors());
    }

    @Override
    public void runFinished(String runId, int completedRounds) {
        out.printf("run %s finished after %d rounds%n", runId, completedRounds);
    }

    private static String format(Map<String, Double> metrics) {
        return new TreeMap<>(metrics).entrySet().stream().filter(e -> !e.getKey().equals("eval_examples"))
                .map(e -> String.format(Locale.ROOT, "%s=%.4g", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
