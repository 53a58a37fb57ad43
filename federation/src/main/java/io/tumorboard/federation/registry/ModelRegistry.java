package io.tumorboard.federation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.WeightsFile;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.TensorShape;
import io.tumorboard.federation.weights.UpdateEncoding;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The model registry, root {@code R}: {@code R/<run>/run.json}, {@code R/<run>/metrics.jsonl} and, per completed
 * round, {@code R/<run>/round-NNNN/} with the model package ({@link ModelPackager}, {@code model.zip} for the fusion
 * network; raw {@code weights.f32} without a packager) and {@code lineage.json} (run, round, strategy, configuration
 * digest, contributing sites, every site's aggregate metrics, layout, weights SHA-256, parent version, and, one
 * round later, the version's federated evaluation). {@code R/promoted} names the version the workbench uses and is
 * replaced atomically; each promotion is written to the audit log.
 */
public final class ModelRegistry implements RoundListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String WEIGHTS = "weights.f32";

    private final Path root;
    private final ModelPackager packager;
    private final Clock clock;
    private final Map<Integer, Map<String, SiteReport>> finalReports = new ConcurrentHashMap<>();
    private RunRecord record;

    public ModelRegistry(Path root) {
        this(root, null, Clock.systemUTC());
    }

    /** @param packager writes the model's own package per version; null stores raw fp32 weights */
    public ModelRegistry(Path root, ModelPackager packager, Clock clock) {
        this.root = root;
        this.packager = packager;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** Writes (or, on resume, updates) {@code run.json}; call before the coordinator starts serving. */
    public void runStarted(RunConfiguration cfg, Collection<String> sites, Map<String, String> details) {
        record = new RunRecord(root.resolve(cfg.runId()).resolve("run.json"), JSON);
        io(() -> record.started(cfg, sites, details, clock.instant()), "record run " + cfg.runId());
    }

    @Override
    public void siteReported(String runId, int round, String site, SiteReport report) {
        io(() -> metrics(runId).siteReported(runId, round, site, report), "write metrics of " + runId);
        if (report.kind() == TaskKind.EVALUATE) {
            finalReports.computeIfAbsent(round, r -> new ConcurrentHashMap<>()).put(site, report);
        }
    }

    @Override
    public void roundClosed(ClosedRound round) {
        io(() -> publish(round), "file round " + round.round());
        finalReports.remove(round.round());
    }

    @Override
    public void calibrated(String runId, int version, List<CalibrationGroup> table) {
        finalReports.remove(version + 2);
        io(() -> {
            ModelVersion v = new ModelVersion(runId, version);
            Path dir = root.resolve(v.path());
            if (version < 1 || !Files.exists(dir.resolve("lineage.json"))) {
                return;
            }
            ObjectNode lineage = (ObjectNode) lineage(v);
            lineage.set("calibration", JSON.valueToTree(table));
            writeLineage(v, lineage);
            if (packager != null) {
                packager.calibrated(dir.resolve(packager.fileName()), table);
            }
        }, "file the calibration of " + runId);
    }

    @Override
    public void finalEvaluationClosed(String runId, int version, Map<String, SiteReport> reports) {
        // Filed at once, not at the run's end: a coordinator restarted during the calibration round does not redo
        // the final evaluation, and a registry started with it would not have these reports any more.
        finalReports.remove(version + 1);
        io(() -> evaluated(runId, FederatedEvaluation.of(version + 1, reports)), "file the final evaluation of "
                + runId);
    }

    @Override
    public void runFinished(String runId, int completedRounds) {
        io(() -> {
            if (record != null) {
                record.finished(completedRounds, clock.instant());
            }
        }, "finish run " + runId);
    }

    private void publish(ClosedRound round) throws IOException {
        String runId = round.config().runId();
        ModelVersion version = new ModelVersion(runId, round.round());
        Path dir = root.resolve(version.path());
        Files.createDirectories(dir);
        ModelWeights w = round.global();
        String pkg = packager == null ? WEIGHTS : packager.fileName();
        Path tmp = dir.resolve(pkg + ".tmp");
        if (packager == null) {
            WeightsFile.write(tmp, w.values());
        } else {
            packager.write(round, tmp);
        }
        AtomicFiles.move(tmp, dir.resolve(pkg));
        ObjectNode lineage = JSON.createObjectNode();
        lineage.put("run", runId);
        lineage.put("round", version.round());
        lineage.put("strategy", round.config().strategy().name());
        lineage.put("configDigest", round.config().digest());
        lineage.put("package", pkg);
        round.contributors().forEach(lineage.putArray("sites")::add);
        ObjectNode metrics = lineage.putObject("metrics");
        Map<String, Double> trainSums = new TreeMap<>();
        long trainExamples = 0;
        for (Map.Entry<String, SiteReport> e : round.reports().entrySet()) {
            SiteReport r = e.getValue();
            ObjectNode m = metrics.putObject(e.getKey());
            m.put("kind", r.kind().name());
            m.put("examples", r.exampleCount());
            new TreeMap<>(r.metrics()).forEach(m::put);
            if (r.kind() == TaskKind.TRAIN) {
                trainExamples += r.exampleCount();
                r.metrics().forEach((k, v) -> {
                    if (k.startsWith("train_") && Double.isFinite(v)) {
                        trainSums.merge(k.substring("train_".length()), v * r.exampleCount(), Double::sum);
                    }
                });
            }
        }
        var layout = lineage.putArray("layout");
        for (TensorShape t : w.layout().tensors()) {
            ObjectNode n = layout.addObject();
            n.put("name", t.name());
            var dims = n.putArray("shape");
            for (long d : t.dims()) {
                dims.add(d);
            }
        }
        lineage.put("weightsSha256", HexFormat.of().formatHex(
                new PayloadEncoder(w.layout(), UpdateEncoding.FP32, new float[0]).sha256(w.values())));
        lineage.put("parent", round.round() > 1 ? new ModelVersion(runId, round.round() - 1).path() : null);
        lineage.put("tookMs", round.took().toMillis());
        lineage.putNull("evaluation");
        writeLineage(version, lineage);
        long examples = trainExamples;
        Map<String, Double> trainMeans = new TreeMap<>();
        trainSums.forEach((k, sum) -> trainMeans.put(k, examples == 0 ? Double.NaN : sum / examples));
        metrics(runId).globalTraining(runId, round.round(), trainExamples, trainMeans);
        evaluated(runId, FederatedEvaluation.of(round.round(), round.reports()));
        if (record != null) {
            record.roundCompleted(round.round());
        }
    }

    /** Files a version's federated evaluation: a global metrics line, its lineage and its package. */
    private void evaluated(String runId, FederatedEvaluation evaluation) throws IOException {
        if (evaluation.isEmpty()) {
            return;
        }
        metrics(runId).globalEvaluation(runId, evaluation);
        if (evaluation.round() < 1) {
            return;
        }
        ModelVersion version = new ModelVersion(runId, evaluation.round());
        Path dir = root.resolve(version.path());
        if (!Files.exists(dir.resolve("lineage.json"))) {
            return; // the version was never filed (a crash between checkpoint and registry): nothing to amend
        }
        ObjectNode lineage = (ObjectNode) lineage(version);
        lineage.set("evaluation", JSON.valueToTree(evaluation));
        writeLineage(version, lineage);
        if (packager != null) {
            packager.evaluated(dir.resolve(packager.fileName()), evaluation);
        }
    }

    private void writeLineage(ModelVersion version, ObjectNode lineage) throws IOException {
        AtomicFiles.write(root.resolve(version.path()).resolve("lineage.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(lineage).getBytes(StandardCharsets.UTF_8));
    }

    private RegistryMetrics metrics(String runId) {
        return new RegistryMetrics(root.resolve(runId).resolve("metrics.jsonl"), JSON);
    }

    /** Every version of a run, oldest first. */
    public List<ModelVersion> versions(String runId) throws IOException {
        Path runDir = root.resolve(runId);
        List<ModelVersion> out = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(runDir)) {
            dirs.filter(d -> Files.exists(d.resolve("lineage.json")))
                    .map(d -> ModelVersion.parse(runId + "/" + d.getFileName()))
                    .sorted(Comparator.comparingInt(ModelVersion::round)).forEach(out::add);
        }
        return out;
    }

    public JsonNode lineage(ModelVersion v) throws IOException {
        return JSON.readTree(Files.readString(root.resolve(v.path()).resolve("lineage.json"), StandardCharsets.UTF_8));
    }

    /** The version's package file ({@code model.zip} or {@code weights.f32}). */
    public Path packageFile(ModelVersion v) throws IOException {
        return root.resolve(v.path()).resolve(lineage(v).path("package").asText(WEIGHTS));
    }

    /** Loads a version's raw weights (registries without a packager) with the layout recorded in its lineage. */
    public ModelWeights load(ModelVersion v) throws IOException {
        List<TensorShape> shapes = new ArrayList<>();
        for (JsonNode t : lineage(v).get("layout")) {
            long[] dims = new long[t.get("shape").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = t.get("shape").get(i).asLong();
            }
            shapes.add(new TensorShape(t.get("name").asText(), dims));
        }
        ModelLayout layout = new ModelLayout(shapes);
        return new ModelWeights(layout, WeightsFile.read(root.resolve(v.path()).resolve(WEIGHTS), layout.size()));
    }

    /**
     * The version of {@code runId} with the best global federated evaluation on {@code metric} (highest, or lowest
     * when {@code lowerIsBetter}); empty when no filed version has been evaluated on it.
     */
    public Optional<ModelVersion> bestBy(String runId, String metric, boolean lowerIsBetter) throws IOException {
        ModelVersion best = null;
        double bestValue = Double.NaN;
        List<ModelVersion> filed = versions(runId);
        for (Map.Entry<Integer, JsonNode> e : metrics(runId).globalEvaluations().entrySet()) {
            JsonNode value = e.getValue().get(metric);
            if (e.getKey() < 1 || value == null || !value.isNumber()) {
                continue;
            }
            ModelVersion v = new ModelVersion(runId, e.getKey());
            double x = value.asDouble();
            boolean better = best == null || (lowerIsBetter ? x < bestValue : x > bestValue);
            if (filed.contains(v) && Double.isFinite(x) && better) {
                best = v;
                bestValue = x;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Makes {@code v} the version the workbench uses, and writes who promoted it and why to {@code audit}. */
    public void promote(ModelVersion v, AuditLog audit, String actor, String reason) throws IOException {
        if (!Files.exists(root.resolve(v.path()).resolve("lineage.json"))) {
            throw new IllegalArgumentException("no model version " + v.path() + " in registry " + root);
        }
        Files.createDirectories(root);
        AtomicFiles.write(root.resolve("promoted"), (v.path() + "\n").getBytes(StandardCharsets.UTF_8));
        audit.promoted(v.path(), actor, reason);
    }

    public Optional<ModelVersion> promoted() throws IOException {
        Path p = root.resolve("promoted");
        return Files.exists(p) ? Optional.of(ModelVersion.parse(Files.readString(p, StandardCharsets.UTF_8).strip()))
                : Optional.empty();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action, String what) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("model registry: cannot " + what, e);
        }
    }
}
