package io.tumorboard.pipeline.text;

/**
 * How one field fared over a set of labelled reports.
 *
 * @param field the field's name
 * @param labelled reports with a reference label for the field
 * @param extracted labelled reports where the extractor gave a value (coverage = extracted / labelled)
 * @param exact extracted values equal to the label
 * @param category extracted values equal to the label at the main category (T2a vs T2 counts; T2 vs T3 not)
 */
public record FieldScore(String field, int labelled, int extracted, int exact, int category) {

    public double coverage() {
        return ratio(extracted, labelled);
    }

    /** Exact matches among the reports where a value was extracted. */
    public double precision() {
        return ratio(exact, extracted);
    }

    /** Category matches among the reports where a value was extracted. */
    public double categoryPrecision() {
        return ratio(category, extracted);
    }

    /** Exact matches among all labelled reports (a missing value counts as wrong). */
    public double accuracy() {
        return ratio(exact, labelled);
    }

    public double categoryAccuracy() {
        return ratio(category, labelled);
    }

    FieldScore add(boolean hasValue, boolean exactMatch, boolean categoryMatch) {
        return new FieldScore(field, labelled + 1, extracted + (hasValue ? 1 : 0), exact + (exactMatch ? 1 : 0),
                category + (categoryMatch ? 1 : 0));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
