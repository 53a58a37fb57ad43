package io.tumorboard.federation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.WeightsFile;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.TensorShape;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Versioned model packages in a folder: {@code RUN/round-NNNN/} holds {@code weights.f32} (little-endian
 * fp32) and {@code lineage.json} (run, round, strategy, configuration digest, contributing sites, every
 * site's aggregate metrics, layout, weights SHA-256, parent version). One version at a time is promoted
 * for the workbench: the {@code promoted} file names it and is replaced atomically.
 */
public final class ModelRegistry implements RoundListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public ModelRegistry(Path root) {
        this.root = root;
    }

    @Override
    public void roundClosed(ClosedRound round) {
        try {
            publish(round);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot file round " + round.round() + " in the model registry " + root, e);
        }
    }

    private void publish(ClosedRound round) throws IOException {
        ModelVersion version = new ModelVersion(round.config().runId(), round.round());
        Path dir = root.resolve(version.path());
        Files.createDirectories(dir);
        ModelWeights w = round.global();
        WeightsFile.write(dir.resolve("weights.f32"), w.values());
        ObjectNode lineage = JSON.createObjectNode();
        lineage.put("run", version.runId());
        lineage.put("round", version.round());
        lineage.put("strategy", round.config().strategy().name());
        lineage.put("configDigest", round.config().digest());
        round.contributors().forEach(lineage.putArray("sites")::add);
        ObjectNode metrics = lineage.putObject("metrics");
        round.reports().forEach((site, r) -> {
            ObjectNode m = metrics.putObject(site);
            m.put("kind", r.kind().name());
            m.put("examples", r.exampleCount());
            r.metrics().forEach(m::put);
        });
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
        lineage.put("parent", round.round() > 1 ? new ModelVersion(version.runId(), round.round() - 1).path() : null);
        lineage.put("tookMs", round.took().toMillis());
        Path tmp = dir.resolve("lineage.json.tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(lineage), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("lineage.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Every version of a run, oldest first. */
    public List<ModelVersion> versions(String runId) throws IOException {
        Path runDir = root.resolve(runId);
        List<ModelVersion> out = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(runDir)) {
            dirs.filter(d -> Files.exists(d.resolve("lineage.json"))).map(d -> ModelVersion.parse(runId + "/" + d.getFileName()))
                    .sorted(java.util.Comparator.comparingInt(ModelVersion::round)).forEach(out::add);
        }
        return out;
    }

    public JsonNode lineage(ModelVersion v) throws IOException {
        return JSON.readTree(Files.readString(root.resolve(v.path()).resolve("lineage.json"), StandardCharsets.UTF_8));
    }

    /** Loads a version's weights with the layout recorded in its lineage. */
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
        return new ModelWeights(layout, WeightsFile.read(root.resolve(v.path()).resolve("weights.f32"), layout.size()));
    }

    /** Makes {@code v} the version the workbench uses. */
    public void promote(ModelVersion v) throws IOException {
        if (!Files.exists(root.resolve(v.path()).resolve("lineage.json"))) {
            throw new IllegalArgumentException("no model version " + v.path() + " in registry " + root);
        }
        Path tmp = root.resolve("promoted.tmp");
        Files.writeString(tmp, v.path() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve("promoted"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Optional<ModelVersion> promoted() throws IOException {
        Path p = root.resolve("promoted");
        return Files.exists(p) ? Optional.of(ModelVersion.parse(Files.readString(p, StandardCharsets.UTF_8).strip()))
                : Optional.empty();
    }
}
