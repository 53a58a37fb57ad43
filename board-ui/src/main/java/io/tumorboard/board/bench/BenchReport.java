package io.tumorboard.board.bench;

import io.tumorboard.model.bench.BenchFigures;
import java.nio.file.Path;
import java.util.List;

/**
 * The board's figures for the product-wide bench report ({@link BenchFigures} writes the contract). Only the p99 at
 * 50 users has a goal (the 100 ms), measured against it; throughput and medians stand alone.
 */
final class BenchReport {

    private BenchReport() {
    }

    static void write(Path file, String setting, boolean generatorInThisJvm, List<LoadResult> results) {
        figures(setting, generatorInThisJvm, results).write(file);
    }

    static BenchFigures figures(String setting, boolean generatorInThisJvm, List<LoadResult> results) {
        BenchFigures figures = new BenchFigures("board-ui", setting);
        for (LoadResult r : results) {
            figures.plain("case page requests/s at " + r.users() + " users", r.requestsPerSecond(), "req/s");
            figures.plain("case page p50 at " + r.users() + " users", r.p50Ms(), "ms");
            String p99 = "case page p99 at " + r.users() + " users";
            if (r.users() == 50) {
                figures.againstGoal(p99, r.p99Ms(), "ms", "goal: p99 < 100 ms at 50 users (issue 7)",
                        BenchCommand.GOAL_P99_MS, "p99 < 100 ms at 50 concurrent users",
                        r.p99Ms() < BenchCommand.GOAL_P99_MS);
            } else {
                figures.plain(p99, r.p99Ms(), "ms");
            }
            figures.plain("case page CPU per request at " + r.users() + " users ("
                    + (generatorInThisJvm ? "workbench and load generator" : "workbench alone") + ")",
                    r.cpuMsPerRequest(), "ms");
            figures.plain("load average during " + r.users() + " users", r.loadAverage(), "");
            if (r.errors() > 0) {
                figures.plain("case page errors at " + r.users() + " users", r.errors(), "requests");
            }
        }
        return figures;
    }
}
