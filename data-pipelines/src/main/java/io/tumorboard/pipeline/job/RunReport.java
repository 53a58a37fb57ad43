package io.tumorboard.pipeline.job;

import io.tumorboard.model.casestore.PipelineRun;
import java.io.PrintStream;
import java.util.Map;

/** Prints a run's reconciled counts: records in = accepted + rejected + skipped (by reason). */
public final class RunReport {

    private RunReport() {
    }

    public static void print(PipelineRun run, PrintStream out) {
        out.printf("run %s, site %s%n", run.runId(), run.site());
        out.printf("  records in      %,10d%n", run.recordsIn());
        out.printf("  accepted        %,10d%n", run.accepted());
        out.printf("  rejected        %,10d   (dead letters)%n", run.rejected());
        out.printf("  skipped         %,10d%n", run.skippedTotal());
        for (Map.Entry<String, Long> reason : run.skipped().entrySet()) {
            out.printf("    %,8d  %s%n", reason.getValue(), reason.getKey());
        }
        out.printf("  case versions   %,10d%n", run.casesWritten());
        long difference = run.recordsIn() - run.accepted() - run.rejected() - run.skippedTotal();
        out.println(difference == 0 ? "  counts reconcile: in = accepted + rejected + skipped"
                : "  COUNTS DO NOT RECONCILE: " + difference + " records unaccounted for");
    }
}
