package io.tumorboard.model.rules.evaluation;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.rules.ClinicalRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-flags --cases FILE... --truth DIR}: runs the clinical rules on every case of the case files and
 * prints, per flag type, TP, FP, FN, precision and recall against the cohort's truth.
 */
@Command(name = "evaluate-flags", mixinStandardHelpOptions = true,
        description = "Runs the clinical rules on case JSON-lines files and scores the flags against a cohort's "
                + "truth/<site>/discrepancies.jsonl (matched on case key and flag type).")
public final class EvaluateFlagsCommand implements Callable<Integer> {

    @Option(names = "--cases", required = true, arity = "1..*", paramLabel = "FILE",
            description = "case JSON-lines files (CaseCodec), e.g. <cohort>/truth/<site>/expected-cases.jsonl")
    private List<Path> caseFiles = new ArrayList<>();

    @Option(names = "--truth", required = true, paramLabel = "DIR",
            description = "folder holding <site>/discrepancies.jsonl files (searched recursively)")
    private Path truthDir;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateFlagsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CaseCodec codec = new CaseCodec(CaseCodec.UnknownFields.KEEP);
        List<PatientCase> cases = new ArrayList<>();
        caseFiles.forEach(file -> cases.addAll(codec.read(file)));
        List<TruthLine> truth = new TruthReader().read(truthDir);
        EvaluationReport report;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("rules").setInitialMax(cases.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            report = new FlagEvaluation(new ClinicalRules()).evaluate(cases, truth, c -> bar.step());
        }
        report.lines().forEach(out::println);
        out.flush();
        return 0;
    }
}
