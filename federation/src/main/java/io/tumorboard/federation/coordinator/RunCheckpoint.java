package io.tumorboard.federation.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The coordinator's crash-safe state, written at every round close: the global model (and FedAdam's
 * moments) to files named by round, then {@code state.json} naming that round, replaced atomically. A
 * coordinator killed at any point finds either the previous round's state or the new one, whole.
 */
final class RunCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String configDigest;

    RunCheckpoint(Path dir, String configDigest) {
        this.dir = dir;
        this.configDigest = configDigest;
    }

    /** What a restarted coordinator resumes from. Moments are null unless the run uses FedAdam. */
    record State(int completedRounds, ModelWeights global, float[] adamM, float[] adamV) {
    }

    /** Writes a round's global model block by block into the checkpoint file it is given. */
    interface ModelContent {
        void writeTo(WeightsFile.Writer out) throws IOException;
    }

    /**
     * Checkpoints round {@code completed}: its global model, written by {@code model} straight into the
     * round's weights file, FedAdam's moments, then the state naming the round.
     */
    void save(int completed, ModelContent model, AdamStep adam) throws IOException {
        Files.createDirectories(dir);
        try (WeightsFile.Writer out = WeightsFile.Writer.open(dir.resolve(name(completed, "weights")))) {
            model.writeTo(out);
            out.commit();
        }
        if (adam != null) {
            WeightsFile.write(dir.resolve(name(completed, "adam-m")), adam.firstMoment());
            WeightsFile.write(dir.resolve(name(completed, "adam-v")), adam.secondMoment());
        }
        ObjectNode state = JSON.createObjectNode();
        state.put("configDigest", configDigest);
        state.put("completedRounds", completed);
        Path tmp = dir.resolve("state.json.tmp");
        Files.writeString(tmp, JSON.writeValueAsString(state), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // Older rounds are no longer needed once the new state names this one.
        for (String kind : new String[] {"weights", "adam-m", "adam-v"}) {
            Files.deleteIfExists(dir.resolve(name(completed - 1, kind)));
        }
    }

    Optional<State> load(ModelLayout layout, boolean withAdam) throws IOException {
        Path statePath = dir.resolve("state.json");
        if (!Files.exists(statePath)) {
            return Optional.empty();
        }
        JsonNode state = JSON.readTree(Files.readString(statePath, StandardCharsets.UTF_8));
        if (!configDigest.equals(state.path("configDigest").asText())) {
            throw new IllegalStateException("the checkpoint in " + dir + " belongs to a differently configured run;"
                    + " refusing to resume it with this configuration");
        }
        int completed = state.path("completedRounds").asInt();
        float[] m = withAdam ? WeightsFile.read(dir.resolve(name(completed, "adam-m")), layout.size()) : null;
        float[] v = withAdam ? WeightsFile.read(dir.resolve(name(completed, "adam-v")), layout.size()) : null;
        return Optional.of(new State(completed, global(completed, layout), m, v));
    }

    /** The global model checkpointed for round {@code completed}. */
    ModelWeights global(int completed, ModelLayout layout) throws IOException {
        return new ModelWeights(layout, WeightsFile.read(dir.resolve(name(completed, "weights")), layout.size()));
    }

    private static String name(int round, String kind) {
        return String.format("round-%04d.%s.f32", round, kind);
    }
}
