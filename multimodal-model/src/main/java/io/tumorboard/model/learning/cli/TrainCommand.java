package io.tumorboard.model.learning.cli;

import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.evaluation.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the gated fusion model on a 70/15/15 patient split and writes the model package. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train and package the fusion model.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    CohortInput input = new CohortInput();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--out", required = true, description = "model package to write (.zip)")
    Path out;

    @Option(names = "--bootstrap", defaultValue = "200", description = "bootstrap resamples for intervals")
    int bootstrap;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        var cases = input.read(err);
        TrainingRun.Result result;
        try (ProgressBar bar = new ProgressBar("train (epochs)", network.epochs)) {
            result = new TrainingRun(network.spec(), network.training(), bootstrap, network.seed).run(cases, bar::stepTo);
            bar.stepTo(network.epochs);
        }
        ModelPackage.save(result.model(), result.card(), out);
        outWriter.println(result.card().toMarkdown("multimodal survival fusion network", result.model().spec()));
        outWriter.println("package written to " + out);
        return 0;
    }
}
