package io.tumorboard.model.learning.cli;

import io.tumorboard.model.learning.evaluation.ComparisonReport;
import io.tumorboard.model.learning.evaluation.InjectedStageDiscrepancies;
import io.tumorboard.model.learning.evaluation.ModelComparison;
import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import io.tumorboard.model.learning.evaluation.TrueRiskCeiling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** k-fold comparison of single modalities, concatenation and gated fusion, with missing-modality robustness. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Cross-validate single-modality, concatenation and gated-fusion models on the same folds.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    CohortInput input = new CohortInput();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--bootstrap", defaultValue = "200", description = "bootstrap resamples (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--report", description = "write the Markdown report here as well")
    Path report;

    @Option(names = "--truth", description = "demo cohort truth folder whose discrepancies.jsonl the learned stage "
            + "flags are scored against (default with --cohort: <cohort>/truth)")
    Path truth;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var cases = input.read(spec.commandLine().getErr());
        ModelComparison comparison = new ModelComparison(network.spec(), network.training(), folds, network.seed);
        Path truthDir = truth != null ? truth : input.cohort != null ? input.cohort.resolve("truth") : null;
        var injected = truthDir == null ? null : InjectedStageDiscrepancies.read(truthDir);
        ModelComparison.Result results;
        try (ProgressBar bar = new ProgressBar("evaluate (fits)", (long) folds * comparison.variants().size())) {
            results = comparison.run(cases, step -> bar.step());
        }
        if (truthDir != null && results.predictions().containsKey(ModelComparison.FUSED)) {
            ModelComparison.Result models = results;
            results = TrueRiskCeiling.read(truthDir).map(ceiling -> models.with(ceiling.rows(
                    models.predictions().get(ModelComparison.FUSED), network.spec().intervals()))).orElse(models);
        }
        String markdown = new ComparisonReport(new SurvivalEvaluation(network.spec().intervals(), bootstrap,
                network.seed)).render(results, injected, folds + "-fold cross-validation, " + cases.size() + " cases");
        spec.commandLine().getOut().println(markdown);
        if (report != null) {
            try {
                Files.writeString(report, markdown);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + report, e);
            }
        }
        return 0;
    }
}
