package io.tumorboard.model.learning.evaluation;

import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.learning.ModelCard.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders the comparison as Markdown: every model's metrics with intervals, then the fused model by site, sex
 * and age band, its calibration table, and its learned stage flags (scored when the injected truth is known).
 * Groups smaller than {@link #MIN_GROUP} cases are listed without metrics: an interval over a dozen cases says
 * nothing.
 */
public final class ComparisonReport {

    static final int MIN_GROUP = 20;

    private final SurvivalEvaluation evaluation;

    public ComparisonReport(SurvivalEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /**
     * @param truth the cohort's injected stage discrepancies by case ({@link InjectedStageDiscrepancies}); null
     *        when the cohort has none, and the learned flags are then only counted
     */
    public String render(ModelComparison.Result comparison, Map<String, Set<StageDescriptor>> truth, String title) {
        Map<String, List<EvaluatedCase>> results = comparison.predictions();
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n## Models on the same folds\n\n")
                .append("Held-out predictions pooled over folds. A model with 0 cases had no training case with its ")
                .append("modality; '–' marks a group too small (< ").append(MIN_GROUP).append(" cases) or without deaths.\n\n");
        if (results.containsKey(TrueRiskCeiling.TRUE)) {
            md.append("The two `truth:` rows are the cohort generator's own survival model on gated fusion's held-out ")
                    .append("cases (same cases, same bootstrap): its linear predictor, the best any model can do, and ")
                    .append("the same without the findings only pathology text states (lymphovascular invasion, ")
                    .append("positive margin).\n\n");
        }
        table(md, results);
        List<EvaluatedCase> fused = results.get(ModelComparison.FUSED);
        if (fused != null && !fused.isEmpty()) {
            for (Map.Entry<String, Function<EvaluatedCase, String>> cut : Map.<String, Function<EvaluatedCase, String>>of(
                    "site", EvaluatedCase::site, "sex", EvaluatedCase::sex, "age band", EvaluatedCase::ageBand)
                    .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                md.append("\n## Gated fusion by ").append(cut.getKey()).append("\n\n");
                Map<String, List<EvaluatedCase>> groups = fused.stream()
                        .collect(Collectors.groupingBy(cut.getValue(), java.util.TreeMap::new, Collectors.toList()));
                table(md, groups);
            }
            md.append("\n## Gated fusion calibration at 3 years\n\n| group | cases | predicted risk | observed risk (KM) |\n")
                    .append("|---|---|---|---|\n");
            var groups = evaluation.calibration(fused);
            for (int g = 0; g < groups.size(); g++) {
                md.append(String.format("| %d | %d | %.3f | %.3f |%n", g + 1, groups.get(g).cases(),
                        groups.get(g).predictedRisk(), groups.get(g).observedRisk()));
            }
        }
        learnedFlags(md, comparison.learnedFlags(), truth);
        return md.toString();
    }

    private static void learnedFlags(StringBuilder md, List<HeldOutFlags> flags, Map<String, Set<StageDescriptor>> truth) {
        md.append("\n## Learned stage flags of gated fusion (held-out cases)\n\n");
        if (truth == null) {
            md.append("No injected truth given: counts only.\n\n| descriptor | cases flagged |\n|---|---|\n");
            for (StageDescriptor d : LearnedFlagScore.SCORED) {
                md.append("| ").append(d).append(" | ").append(flags.stream().filter(h -> h.flagged().contains(d))
                        .map(HeldOutFlags::caseKey).distinct().count()).append(" |\n");
            }
            return;
        }
        md.append("Against the cohort's injected stage discrepancies (clinical/pathological conflicts by T or N, ")
                .append("stage group inconsistent with its TNM or edition, tumour-size conflicts as T).\n\n")
                .append("| descriptor | cases | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|---|\n");
        for (LearnedFlagScore s : LearnedFlagScore.score(flags, truth)) {
            md.append(String.format("| %s | %d | %d | %d | %d | %s | %s |%n", s.descriptor() == null ? "**all**"
                    : s.descriptor(), s.cases(), s.truePositives(), s.falsePositives(), s.falseNegatives(),
                    ratio(s.precision()), ratio(s.recall())));
        }
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.3f", value);
    }

    private void table(StringBuilder md, Map<String, List<EvaluatedCase>> rows) {
        Map<String, Map<String, Estimate>> metrics = new LinkedHashMap<>();
        rows.forEach((name, cases) -> {
            if (cases.size() >= MIN_GROUP && cases.stream().anyMatch(EvaluatedCase::death)) {
                metrics.put(name, evaluation.metrics(cases));
            }
        });
        List<String> names = metrics.values().stream().findFirst().map(m -> List.copyOf(m.keySet())).orElse(List.of());
        md.append("| model / group | cases | deaths |");
        names.forEach(n -> md.append(' ').append(n).append(" |"));
        md.append("\n|---|---|---|");
        names.forEach(n -> md.append("---|"));
        md.append('\n');
        rows.forEach((name, cases) -> {
            md.append("| ").append(name).append(" | ").append(cases.size()).append(" | ")
                    .append(cases.stream().filter(EvaluatedCase::death).count()).append(" |");
            Map<String, Estimate> m = metrics.get(name);
            for (String n : names) {
                Estimate e = m == null ? null : m.get(n);
                md.append(e == null ? " – |" : String.format(" %.3f (%.3f–%.3f) |", e.value(), e.low(), e.high()));
            }
            md.append('\n');
        });
    }
}
