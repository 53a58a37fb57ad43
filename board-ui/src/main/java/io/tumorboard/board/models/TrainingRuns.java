package io.tumorboard.board.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The registry's training runs: {@code run.json} for each run's configuration and status, {@code metrics.jsonl}
 * for its per-round, per-site metrics. Read on each request (the federation appends while it trains); a line
 * that is not a JSON object with a round and a site (a round summary, a line cut by a crash) is skipped.
 */
@Component
class TrainingRuns {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields shown on their own, not among the configuration. */
    private static final Set<String> HEADLINE = Set.of("run", "runId", "id", "status", "sites", "started",
            "startedAt", "finished", "finishedAt");

    private final ModelRegistry registry;

    TrainingRuns(ModelRegistry registry) {
        this.registry = registry;
    }

    List<TrainingRun> runs() {
        return registry.runFolders().stream().map(TrainingRuns::run).toList();
    }

    Optional<TrainingRun> run(String id) {
        return registry.runFolders().stream().filter(d -> d.getFileName().toString().equals(id)).findFirst()
                .map(TrainingRuns::run);
    }

    List<RoundMetric> metrics(String id) {
        Path file = registry.root().resolve(id).resolve("metrics.jsonl");
        if (!registry.runFolders().contains(file.getParent()) || !Files.isRegularFile(file)) {
            return List.of();
        }
        List<RoundMetric> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                metric(line).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    static Optional<RoundMetric> metric(String line) {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (json == null || !json.isObject() || !json.path("round").canConvertToInt() || !json.hasNonNull("site")) {
            return Optional.empty();
        }
        // The contract names it "phase" (train|evaluate); the federation's first journal wrote "kind" (TRAIN...).
        String phase = json.hasNonNull("phase") ? json.get("phase").asText() : json.path("kind").asText("");
        Map<String, Double> metrics = new LinkedHashMap<>();
        json.path("metrics").properties().forEach(m -> {
            if (m.getValue().isNumber()) {
                metrics.put(m.getKey(), m.getValue().asDouble());
            }
        });
        return Optional.of(new RoundMetric(json.get("round").asInt(), json.get("site").asText(),
                phase.toLowerCase(Locale.ROOT), json.path("examples").asLong(0), metrics));
    }

    private static TrainingRun run(Path dir) {
        int rounds = (int) ModelRegistry.list(dir).stream()
                .filter(r -> Files.isDirectory(r) && r.getFileName().toString().startsWith("round-")).count();
        String id = dir.getFileName().toString();
        Path file = dir.resolve("run.json");
        if (!Files.isRegularFile(file)) {
            return new TrainingRun(id, null, null, null, List.of(), Map.of(), rounds, "no run.json");
        }
        JsonNode json;
        try {
            json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new TrainingRun(id, null, null, null, List.of(), Map.of(), rounds, "run.json unreadable: "
                    + e.getMessage());
        }
        List<String> sites = new ArrayList<>();
        json.path("sites").forEach(s -> sites.add(s.isObject() ? s.path("name").asText(s.toString()) : s.asText()));
        Map<String, String> configuration = new LinkedHashMap<>();
        json.properties().forEach(f -> {
            if (!HEADLINE.contains(f.getKey())) {
                flatten(f.getKey(), f.getValue(), configuration);
            }
        });
        return new TrainingRun(id, text(json, "status"), text(json, "started", "startedAt"),
                text(json, "finished", "finishedAt"), sites, configuration, rounds, null);
    }

    private static void flatten(String name, JsonNode value, Map<String, String> into) {
        if (value.isObject()) {
            value.properties().forEach(f -> flatten(name + "." + f.getKey(), f.getValue(), into));
        } else {
            into.put(name, RegistryVersions.display(value));
        }
    }

    private static String text(JsonNode json, String... names) {
        for (String name : names) {
            if (json.hasNonNull(name)) {
                return json.get(name).asText();
            }
        }
        return null;
    }
}
