package io.tumorboard.federation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code R/<run-id>/metrics.jsonl}: one JSON object per line, {@code run, round, site (or "global"), phase
 * (train|evaluate), examples, metrics{}} (+ {@code dp_epsilon} on site lines). A {@code train} line's round is the
 * round the site trained in; an {@code evaluate} line's round is the model version it evaluated (0 = the initial
 * model), written when the sites report it, one round later. After a coordinator restart a round may be reported
 * again; readers keep the last line per (round, site, phase).
 */
final class RegistryMetrics {

    private final Path file;
    private final ObjectMapper json;

    RegistryMetrics(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    void siteReported(String runId, int round, String site, SiteReport report) throws IOException {
        if (report.kind() == TaskKind.TRAIN) {
            Map<String, Double> train = new TreeMap<>();
            report.metrics().forEach((k, v) -> {
                if (k.startsWith("train_")) {
                    train.put(k.substring("train_".length()), v);
                }
            });
            append(line(runId, round, site, "train", report.exampleCount(), train).put("dp_epsilon", report.epsilonSpent()));
        }
        FederatedEvaluation.SiteMetrics eval = FederatedEvaluation.of(round, Map.of(site, report)).sites().get(site);
        if (eval != null) {
            append(line(runId, round - 1, site, "evaluate", eval.examples(), eval.metrics()));
        }
    }

    void globalTraining(String runId, int round, long examples, Map<String, Double> metrics) throws IOException {
        append(line(runId, round, "global", "train", examples, metrics));
    }

    void globalEvaluation(String runId, FederatedEvaluation evaluation) throws IOException {
        append(line(runId, evaluation.round(), "global", "evaluate", evaluation.examples(), evaluation.global()));
    }

    /** The last global evaluation of each version, by round. */
    Map<Integer, JsonNode> globalEvaluations() throws IOException {
        Map<Integer, JsonNode> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(l);
            if ("global".equals(n.path("site").asText()) && "evaluate".equals(n.path("phase").asText())) {
                out.put(n.path("round").asInt(), n.path("metrics"));
            }
        }
        return out;
    }

    private ObjectNode line(String runId, int round, String site, String phase, long examples, Map<String, Double> metrics) {
        ObjectNode n = json.createObjectNode();
        n.put("run", runId);
        n.put("round", round);
        n.put("site", site);
        n.put("phase", phase);
        n.put("examples", examples);
        ObjectNode m = n.putObject("metrics");
        new TreeMap<>(metrics).forEach(m::put);
        return n;
    }

    private synchronized void append(ObjectNode line) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
