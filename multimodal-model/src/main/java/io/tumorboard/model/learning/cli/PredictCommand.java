package io.tumorboard.model.learning.cli;

import io.tumorboard.model.cases.CaseJson;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.Prediction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Predicts for every case of a file with a model package; writes one JSON prediction per line. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict with a model package.")
final class PredictCommand implements Callable<Integer> {

    @Mixin
    CohortInput input = new CohortInput();

    @Option(names = "--model", required = true, description = "model package (.zip)")
    Path model;

    @Option(names = "--out", required = true, description = "JSON-lines predictions to write")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelPackage.Loaded loaded = ModelPackage.load(model);
        var cases = input.read(spec.commandLine().getErr());
        var counts = new EnumMap<Prediction.Status, Integer>(Prediction.Status.class);
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out));
             ProgressBar bar = new ProgressBar("predict", cases.size())) {
            for (var c : cases) {
                Prediction p = loaded.model().predict(c);
                counts.merge(p.status(), 1, Integer::sum);
                writer.println(CaseJson.mapper().writeValueAsString(p));
                bar.step();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        spec.commandLine().getOut().println("predictions by status: " + counts + " written to " + out);
        return 0;
    }
}
