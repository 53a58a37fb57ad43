package io.tumorboard.federation.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.federation.calibration.CalibrationPlan;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's crash-safe state, written at every round close: the global model (and FedAdam's
 * moments) to files named by round, then {@code state.json} naming that round, replaced atomically. A
 * coordinator killed at any point finds either the previous round's state or the new one, whole. Once the final
 * evaluation has cut the calibration plan, the state also names it (with the pooled histogram it was cut from and the
 * sites that sent it), so a coordinator restarted during the calibration round resumes that round.
 */
final class RunCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String configDigest;

    RunCheckpoint(Path dir, String configDigest) {
        this.dir = dir;
        this.configDigest = configDigest;
    }

    /**
     * What a restarted coordinator resumes from. Moments are null unless the run uses FedAdam; calibration is null
     * until the final evaluation cut a calibration plan.
     */
    record State(int completedRounds, ModelWeights global, float[] adamM, float[] adamV, Calibration calibration) {
    }

    /**
     * The final evaluation's result: the sites whose masked histograms were summed, that sum (a count per bin over
     * at least two sites, no site's own) and the plan cut from it.
     */
    record Calibration(List<String> participants, long[] pooledHistogram, CalibrationPlan plan) {
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
        writeState(completed, null);
        // Older rounds are no longer needed once the new state names this one.
        for (String kind : new String[] {"weights", "adam-m", "adam-v"}) {
            Files.deleteIfExists(dir.resolve(name(completed - 1, kind)));
        }
    }

    /** Names the calibration plan cut after the last training round {@code completed} (its weights stay). */
    void saveCalibration(int completed, Calibration calibration) throws IOException {
        writeState(completed, calibration);
    }

    private void writeState(int completed, Calibration calibration) throws IOException {
        ObjectNode state = JSON.createObjectNode();
        state.put("configDigest", configDigest);
        state.put("completedRounds", completed);
        if (calibration != null) {
            ObjectNode c = state.putObject("calibration");
            calibration.participants().forEach(c.putArray("participants")::add);
            var histogram = c.putArray("pooledHistogram");
            for (long n : calibration.pooledHistogram()) {
                histogram.add(n);
            }
            var starts = c.putArray("planStartBins");
            for (int b : calibration.plan().startBins()) {
                starts.add(b);
            }
        }
        Path tmp = dir.resolve("state.json.tmp");
        Files.writeString(tmp, JSON.writeValueAsString(state), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Calibration calibration(JsonNode c) {
        if (c.isMissingNode()) {
            return null;
        }
        List<String> participants = new ArrayList<>();
        c.path("participants").forEach(p -> participants.add(p.asText()));
        long[] histogram = new long[c.path("pooledHistogram").size()];
        for (int b = 0; b < histogram.length; b++) {
            histogram[b] = c.path("pooledHistogram").get(b).asLong();
        }
        int[] starts = new int[c.path("planStartBins").size()];
        for (int g = 0; g < starts.length; g++) {
            starts[g] = c.path("planStartBins").get(g).asInt();
        }
        return new Calibration(participants, histogram, new CalibrationPlan(starts));
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
        return Optional.of(new State(completed, global(completed, layout), m, v, calibration(state.path("calibration"))));
    }

    /** The global model checkpointed for round {@code completed}. */
    ModelWeights global(int completed, ModelLayout layout) throws IOException {
        return new ModelWeights(layout, WeightsFile.read(dir.resolve(name(completed, "weights")), layout.size()));
    }

    private static String name(int round, String kind) {
        return String.format("round-%04d.%s.f32", round, kind);
    }
}
