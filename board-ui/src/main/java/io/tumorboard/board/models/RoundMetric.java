package io.tumorboard.board.models;

import java.util.Map;

/**
 * One line of a run's {@code metrics.jsonl}: one site's (or the aggregated "global") metrics for one round.
 *
 * @param round the round, from 1
 * @param site the hospital site, or {@code global}
 * @param phase {@code train} or {@code evaluate}
 * @param examples how many examples the figures are over
 * @param metrics metric name to value
 */
public record RoundMetric(int round, String site, String phase, long examples, Map<String, Double> metrics) {

    /** A value for the table, blank when the line does not carry that metric. */
    public String cell(String name) {
        Double v = metrics.get(name);
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
