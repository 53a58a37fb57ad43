package io.tumorboard.pipeline.cohort;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-cohort}: writes the demo cohort (exports and truth) and prints its summary. */
@Command(name = "generate-cohort", mixinStandardHelpOptions = true,
        description = "Generates a deterministic multi-hospital NSCLC demo cohort: FHIR R4 Bulk Data NDJSON, "
                + "pyradiomics tables, pathology text, and the ground truth behind them.")
public final class GenerateCohortCommand implements Callable<Integer> {

    @Option(names = "--sites", description = "number of hospitals (hospital-a, hospital-b, ...); default 3",
            defaultValue = "3")
    int sites;

    @Option(names = "--patients", description = "patients per hospital; default 400", defaultValue = "400")
    int patients;

    @Option(names = "--seed", description = "random seed: the same seed writes the same bytes",
            defaultValue = "20260522")
    long seed;

    @Option(names = "--out", description = "output folder; default demo-output/cohort",
            defaultValue = "demo-output/cohort")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCohortCommand()).execute(args));
    }

    @Override
    public Integer call() {
        CohortSummary summary = run(new CohortSettings(CohortSettings.sitesNamed(sites), patients, seed, out));
        System.out.print(summary.describe());
        return 0;
    }

    /** Generates with a progress bar on the terminal. */
    static CohortSummary run(CohortSettings settings) {
        List<String> names = settings.sites();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate-cohort")
                .setInitialMax((long) names.size() * settings.patientsPerSite()).setUnit(" patients", 1).build()) {
            return new CohortGenerator(FhirContext.forR4Cached()).generate(settings, bar::step);
        }
    }
}
