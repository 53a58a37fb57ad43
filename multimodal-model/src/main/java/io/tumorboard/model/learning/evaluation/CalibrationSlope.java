package io.tumorboard.model.learning.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The calibration slope of survival predictions on held-out data: the coefficient β of a Cox model fitted with
 * the predictions' linear predictor as its only covariate (Cox, Biometrika 1958 for the idea; for survival models
 * Van Calster et al., J Clin Epidemiol 2016;74:167-176 and Crowson et al., Stat Methods Med Res 2016;25:1692).
 * β = 1 is ideal; β &lt; 1 means the predictions are too extreme (overfitting), β &gt; 1 too modest.
 *
 * <p>The linear predictor of a prediction S(t₀) is log(−log S(t₀)): under proportional hazards it is the
 * model's log relative hazard plus a constant, which the Cox partial likelihood ignores. Follow-up is censored
 * at t₀ so the slope describes the horizon the predictions were made for. β is fitted by Newton–Raphson on the
 * partial likelihood with Breslow's handling of tied death times.
 */
final class CalibrationSlope {

    /** Survival probabilities are kept inside (ε, 1 − ε) so that the log-log stays finite. */
    static final double EPSILON = 1e-10;
    private static final int MAX_ITERATIONS = 50;

    private CalibrationSlope() {
    }

    /**
     * @param time follow-up in days
     * @param event whether death was observed at {@code time}
     * @param survivalAtHorizon predicted S(t₀) per case
     * @param horizonDays t₀
     * @return β, or NaN when the data cannot determine it (no death before t₀, or no spread in the predictions)
     */
    static double of(double[] time, boolean[] event, double[] survivalAtHorizon, double horizonDays) {
        int n = time.length;
        double[] t = new double[n];
        boolean[] d = new boolean[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.min(time[i], horizonDays);
            d[i] = event[i] && time[i] <= horizonDays;
            double s = Math.min(1 - EPSILON, Math.max(EPSILON, survivalAtHorizon[i]));
            x[i] = Math.log(-Math.log(s));
        }
        return coxCoefficient(t, d, x);
    }

    /** The maximum partial-likelihood estimate of β for one covariate (Breslow ties). */
    static double coxCoefficient(double[] time, boolean[] event, double[] x) {
        int n = time.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -time[i])); // longest first: risk sets grow as we go
        double mean = Arrays.stream(x).average().orElse(0);
        double[] centred = Arrays.stream(x).map(v -> v - mean).toArray(); // centring changes nothing but overflow
        double beta = 0;
        double logLik = partial(time, event, centred, order, beta)[0];
        if (Double.isNaN(logLik)) {
            return Double.NaN;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] p = partial(time, event, centred, order, beta);
            if (!(p[2] > 1e-12)) {
                return Double.NaN; // no death, or the covariate does not vary within any risk set
            }
            double step = p[1] / p[2];
            double next = beta + step;
            double nextLogLik = partial(time, event, centred, order, next)[0];
            for (int halving = 0; halving < 30 && !(nextLogLik >= logLik - 1e-12); halving++) {
                step /= 2;
                next = beta + step;
                nextLogLik = partial(time, event, centred, order, next)[0];
            }
            beta = next;
            logLik = nextLogLik;
            if (Math.abs(step) < 1e-9) {
                return beta;
            }
        }
        return beta;
    }

    /** Log partial likelihood, score and information at β; NaN log-likelihood when there is no death. */
    private static double[] partial(double[] time, boolean[] event, double[] x, Integer[] order, double beta) {
        double logLik = 0;
        double score = 0;
        double information = 0;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        int deaths = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            double tieTime = time[order[i]];
            while (j < order.length && time[order[j]] == tieTime) { // everyone at this time joins the risk set
                double w = Math.exp(beta * x[order[j]]);
                s0 += w;
                s1 += w * x[order[j]];
                s2 += w * x[order[j]] * x[order[j]];
                j++;
            }
            for (int k = i; k < j; k++) {
                if (event[order[k]]) {
                    double xk = x[order[k]];
                    double m = s1 / s0;
                    logLik += beta * xk - Math.log(s0);
                    score += xk - m;
                    information += s2 / s0 - m * m;
                    deaths++;
                }
            }
            i = j;
        }
        return new double[] {deaths == 0 ? Double.NaN : logLik, score, information};
    }
}
