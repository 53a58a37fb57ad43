package io.tumorboard.model.rules.evaluation;

/**
 * Counts for one flag type (or one family of types), matched on (case key, type).
 *
 * @param name the flag type, or the family's name
 * @param truePositives flags raised that the truth has
 * @param falsePositives flags raised that the truth does not have
 * @param falseNegatives truth lines no flag matched
 */
public record TypeScore(String name, int truePositives, int falsePositives, int falseNegatives) {

    /** TP / (TP + FP); NaN when nothing was raised. */
    public double precision() {
        int raised = truePositives + falsePositives;
        return raised == 0 ? Double.NaN : (double) truePositives / raised;
    }

    /** TP / (TP + FN); NaN when the truth has none. */
    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? Double.NaN : (double) truePositives / expected;
    }

    TypeScore plus(TypeScore other) {
        return new TypeScore(name, truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }
}
