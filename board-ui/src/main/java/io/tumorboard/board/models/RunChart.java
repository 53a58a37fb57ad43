package io.tumorboard.board.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A run's metrics arranged for people: one chart per phase and metric (x: round, one line per site, "global"
 * included), and the table of every line. The chart data travels as a JSON data attribute read by
 * {@code training-run.js}, because the Content-Security-Policy forbids inline scripts.
 *
 * @param charts one per phase and metric name
 * @param metricNames every metric name, for the table's columns
 * @param rows every metric line in round, phase, site order
 */
public record RunChart(List<Series> charts, List<String> metricNames, List<RoundMetric> rows) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One chart.
     *
     * @param phase train or evaluate
     * @param metric the metric's name
     * @param json {@code {"rounds":[...],"sites":{"site":[value or null per round]}}}
     */
    public record Series(String phase, String metric, String json) {

        public String id() {
            return "chart-" + phase + "-" + metric.replaceAll("[^A-Za-z0-9_-]", "_");
        }
    }

    static RunChart of(List<RoundMetric> metrics) {
        List<RoundMetric> rows = new ArrayList<>(metrics);
        rows.sort(java.util.Comparator.comparingInt(RoundMetric::round).thenComparing(RoundMetric::phase)
                .thenComparing(RoundMetric::site));
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.metrics().keySet()));
        List<Integer> rounds = rows.stream().map(RoundMetric::round).distinct().sorted().toList();
        List<Series> charts = new ArrayList<>();
        for (String phase : rows.stream().map(RoundMetric::phase).distinct().sorted().toList()) {
            for (String name : names) {
                Map<String, List<Double>> sites = new LinkedHashMap<>();
                for (RoundMetric r : rows) {
                    if (r.phase().equals(phase) && r.metrics().containsKey(name)) {
                        sites.computeIfAbsent(r.site(), s -> new ArrayList<>(java.util.Collections.nCopies(
                                rounds.size(), (Double) null))).set(rounds.indexOf(r.round()), r.metrics().get(name));
                    }
                }
                if (!sites.isEmpty()) {
                    charts.add(new Series(phase, name, json(Map.of("rounds", rounds, "sites", sites))));
                }
            }
        }
        return new RunChart(charts, List.copyOf(names), rows);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data cannot be written as JSON", e);
        }
    }
}
