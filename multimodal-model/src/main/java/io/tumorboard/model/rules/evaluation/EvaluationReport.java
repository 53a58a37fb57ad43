package io.tumorboard.model.rules.evaluation;

import io.tumorboard.model.cases.FlagType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the rules found against the truth.
 *
 * @param cases cases evaluated
 * @param perType scores per flag type that the rules raise or the truth holds (background excluded)
 * @param structuredDiscrepancies all discrepancy types together, expected re-staging excluded
 * @param safety all safety types together
 * @param backgroundInTruth expected re-staging lines in the truth (background, not scored)
 * @param expectedRestagingRaised expected re-staging flags raised (informational, not scored)
 * @param truthLinesForOtherCases truth lines whose case was not among the cases read
 */
public record EvaluationReport(int cases, Map<FlagType, TypeScore> perType, TypeScore structuredDiscrepancies,
        TypeScore safety, int backgroundInTruth, int expectedRestagingRaised, int truthLinesForOtherCases) {

    /** Goals from the issue: precision and recall of structured discrepancies, recall of safety flags. */
    public static final double DISCREPANCY_GOAL = 0.95;
    public static final double SAFETY_RECALL_GOAL = 0.99;

    public List<String> lines() {
        List<String> rows = new java.util.ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%d cases; %d truth lines for cases not read; background (expected "
                + "re-staging): %d in truth, %d raised (not scored)", cases, truthLinesForOtherCases, backgroundInTruth,
                expectedRestagingRaised));
        rows.add(String.format(Locale.ROOT, "%-38s %5s %5s %5s %9s %7s", "flag type", "TP", "FP", "FN", "precision",
                "recall"));
        perType.values().forEach(score -> rows.add(row(score)));
        rows.add(row(structuredDiscrepancies) + goal(structuredDiscrepancies.precision() >= DISCREPANCY_GOAL
                && structuredDiscrepancies.recall() >= DISCREPANCY_GOAL, "precision and recall >= 0.95"));
        rows.add(row(safety) + goal(safety.recall() >= SAFETY_RECALL_GOAL, "recall >= 0.99"));
        return rows;
    }

    private static String row(TypeScore s) {
        return String.format(Locale.ROOT, "%-38s %5d %5d %5d %9s %7s", s.name(), s.truePositives(), s.falsePositives(),
                s.falseNegatives(), ratio(s.precision()), ratio(s.recall()));
    }

    private static String goal(boolean met, String goal) {
        return "   goal " + goal + ": " + (met ? "met" : "NOT met");
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
