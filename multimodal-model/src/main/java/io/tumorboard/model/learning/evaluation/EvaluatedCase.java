package io.tumorboard.model.learning.evaluation;

/**
 * One held-out case's outcome and predicted survival curve, with the attributes subgroups are cut by.
 *
 * @param caseKey the case's key (joins it to a demo cohort's truth)
 * @param timeDays observed follow-up, days
 * @param death whether death was observed at {@code timeDays}
 * @param site the case's site
 * @param sex administrative sex, {@code unknown} when not recorded
 * @param ageBand age band at diagnosis, {@code unknown} when not recorded
 * @param survival predicted survival at the end of each interval of the model's grid
 */
public record EvaluatedCase(String caseKey, double timeDays, boolean death, String site, String sex, String ageBand,
                            double[] survival) {

    /** Age bands of cancer registries' reporting: under 50, 50–64, 65–74, 75 and over (years). */
    public static String ageBand(Integer ageYears) {
        if (ageYears == null) {
            return "unknown";
        }
        return ageYears < 50 ? "<50" : ageYears < 65 ? "50-64" : ageYears < 75 ? "65-74" : "75+";
    }
}
