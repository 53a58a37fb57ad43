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

    @Option(names = "--sites", description = "number of hospitals (named hospital-a, hospital-b, ...) or their names,"
            + " comma-separated; default 3", defaultValue = "3")
    String sites;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CohortSettings settings;
        try {
            String value = sites.strip();
            List<String> names = value.matches("\\d{1,3}") ? CohortSettings.sitesNamed(Integer.parseInt(value))
                    : List.of(value.split(",")).stream().map(String::strip).toList();
            settings = new CohortSettings(names, patients, seed, out);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        System.out.print(run(settings).describe());
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
