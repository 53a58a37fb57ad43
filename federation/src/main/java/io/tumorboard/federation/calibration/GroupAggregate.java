package io.tumorboard.federation.calibration;

import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import java.util.Arrays;
import java.util.List;

/**
 * What a site sends about one calibration group: how many of its held-out cases fall in the group, the sum of
 * their predicted 3-year risk, and their life table: deaths and censorings in each of {@value #INTERVALS}
 * monthly intervals (1/12 of 365.25 days) up to 3 years. Cases followed beyond 3 years appear in neither array
 * (they survive every interval); the number at risk at an interval's start follows from the others.
 *
 * @param cases the site's held-out cases in the group
 * @param predictedRiskSum sum of their predicted 3-year risk (probability)
 * @param deaths deaths per interval, {@value #INTERVALS} entries
 * @param censored censorings (follow-up ended alive) per interval, {@value #INTERVALS} entries
 */
public record GroupAggregate(int cases, double predictedRiskSum, int[] deaths, int[] censored) {

    /** Monthly intervals up to the calibration horizon (3 years). */
    public static final int INTERVALS = 36;
    static final double INTERVAL_DAYS = SurvivalEvaluation.CALIBRATION_DAYS / INTERVALS;

    public GroupAggregate {
        if (deaths.length != INTERVALS || censored.length != INTERVALS) {
            throw new IllegalArgumentException("a group's life table has " + INTERVALS + " intervals");
        }
        deaths = deaths.clone();
        censored = censored.clone();
        int ended = Arrays.stream(deaths).sum() + Arrays.stream(censored).sum();
        if (cases < 0 || ended > cases || Arrays.stream(deaths).anyMatch(d -> d < 0)
                || Arrays.stream(censored).anyMatch(c -> c < 0) || !Double.isFinite(predictedRiskSum)) {
            throw new IllegalArgumentException("inconsistent group aggregate: " + cases + " cases, " + ended
                    + " ended within 3 years");
        }
    }

    /** A group's aggregate over the given cases (at the site). */
    static GroupAggregate of(List<HeldOutRisk> cases) {
        int[] deaths = new int[INTERVALS];
        int[] censored = new int[INTERVALS];
        double sum = 0;
        for (HeldOutRisk c : cases) {
            sum += c.predictedRisk();
            if (c.timeDays() > SurvivalEvaluation.CALIBRATION_DAYS) {
                continue;
            }
            // Interval k holds (k·w, (k+1)·w]; a time of 0 counts in the first.
            int k = (int) Math.max(0, Math.ceil(c.timeDays() / INTERVAL_DAYS) - 1);
            if (c.death()) {
                deaths[k]++;
            } else {
                censored[k]++;
            }
        }
        return new GroupAggregate(cases.size(), sum, deaths, censored);
    }

    /**
     * Observed 3-year risk, 1 − S(3 y), from the actuarial (Cutler–Ederer) life table: S = Π (1 − d_k / (n_k −
     * c_k / 2)), those censored in an interval counted as at risk for half of it. NaN for an empty group.
     */
    double observedRisk() {
        double survival = 1;
        int atRisk = cases;
        for (int k = 0; k < INTERVALS && atRisk > 0; k++) {
            double exposed = atRisk - censored[k] / 2.0;
            if (exposed > 0) {
                survival *= 1 - deaths[k] / exposed;
            }
            atRisk -= deaths[k] + censored[k];
        }
        return cases == 0 ? Double.NaN : 1 - survival;
    }
}
