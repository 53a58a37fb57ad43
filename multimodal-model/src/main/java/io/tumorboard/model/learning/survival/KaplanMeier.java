package io.tumorboard.model.learning.survival;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Kaplan–Meier product-limit estimate (Kaplan &amp; Meier, JASA 1958): a right-continuous step function.
 * With {@code events} inverted it is the censoring distribution G(t) that inverse-probability-of-censoring
 * weights (IPCW) divide by.
 */
public final class KaplanMeier {

    private final double[] times;
    private final double[] survival;

    private KaplanMeier(double[] times, double[] survival) {
        this.times = times;
        this.survival = survival;
    }

    /** The survival function of the events. */
    public static KaplanMeier of(double[] time, boolean[] event) {
        Integer[] order = new Integer[time.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> time[i]));
        double[] steps = new double[time.length];
        double[] values = new double[time.length];
        int count = 0;
        double s = 1.0;
        int atRisk = time.length;
        int i = 0;
        while (i < order.length) {
            double t = time[order[i]];
            int deaths = 0;
            int leaving = 0;
            while (i < order.length && time[order[i]] == t) {
                deaths += event[order[i]] ? 1 : 0;
                leaving++;
                i++;
            }
            if (deaths > 0) {
                s *= 1.0 - (double) deaths / atRisk;
                steps[count] = t;
                values[count++] = s;
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(Arrays.copyOf(steps, count), Arrays.copyOf(values, count));
    }

    /** The censoring distribution G(t) = P(C &gt; t): Kaplan–Meier with censorings as the events. */
    public static KaplanMeier censoring(double[] time, boolean[] event) {
        boolean[] censored = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            censored[i] = !event[i];
        }
        return of(time, censored);
    }

    /** S(t): the estimate just after t (right-continuous). */
    public double at(double t) {
        int index = Arrays.binarySearch(times, t);
        int last = index >= 0 ? index : -index - 2;
        while (index >= 0 && last + 1 < times.length && times[last + 1] == t) {
            last++;
        }
        return last < 0 ? 1.0 : survival[last];
    }

    /** S(t−): the estimate just before t, which IPCW uses for a subject whose own time is t. */
    public double before(double t) {
        int index = Arrays.binarySearch(times, t);
        int last = index >= 0 ? index - 1 : -index - 2;
        return last < 0 ? 1.0 : survival[last];
    }
}
