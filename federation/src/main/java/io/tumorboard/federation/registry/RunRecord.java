package io.tumorboard.federation.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.federation.run.RunConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * {@code R/<run-id>/run.json}: the run's configuration (with units in the field names), its sites, start and
 * finish times, completed rounds and status ({@code running}, {@code finished}). Rewritten atomically on every
 * change; a resumed run keeps its first start time and records when it resumed.
 */
final class RunRecord {

    private final Path file;
    private final ObjectMapper json;
    private ObjectNode node;

    RunRecord(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    synchronized void started(RunConfiguration cfg, Collection<String> sites, Map<String, String> details,
                              Instant now) throws IOException {
        ObjectNode previous = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : null;
        node = json.createObjectNode();
        node.put("run", cfg.runId());
        node.put("status", "running");
        node.put("startedAt", previous != null ? previous.path("startedAt").asText() : now.toString());
        if (previous != null) {
            node.put("resumedAt", now.toString());
        }
        node.putNull("finishedAt");
        node.put("completedRounds", previous != null ? previous.path("completedRounds").asInt() : 0);
        node.put("configDigest", cfg.digest());
        node.set("configuration", configuration(cfg));
        sites.stream().sorted().forEach(node.putArray("sites")::add);
        ObjectNode d = node.putObject("details");
        details.forEach(d::put);
        write();
    }

    synchronized void roundCompleted(int round) throws IOException {
        if (node != null) {
            node.put("completedRounds", round);
            write();
        }
    }

    synchronized void finished(int completedRounds, Instant now) throws IOException {
        if (node != null) {
            node.put("completedRounds", completedRounds);
            node.put("status", "finished");
            node.put("finishedAt", now.toString());
            write();
        }
    }

    private ObjectNode configuration(RunConfiguration c) {
        ObjectNode n = json.createObjectNode();
        n.put("rounds", c.rounds());
        n.put("sitesPerRound", c.sitesPerRound());
        n.put("minSites", c.minSites());
        n.put("roundTimeoutMs", c.roundTimeout().toMillis());
        n.put("localEpochs", c.localEpochs());
        n.put("learningRate", c.learningRate());
        n.put("strategy", c.strategy().name());
        n.put("proximalMu", c.proximalMu());
        n.put("updateEncoding", c.updateEncoding().name());
        n.put("maxUpdateNorm", c.maxUpdateNorm());
        n.put("seed", c.seed());
        n.put("trimFraction", c.trimFraction());
        n.put("serverLearningRate", c.serverLearningRate());
        n.put("dpClipNorm", c.dpClipNorm());
        n.put("dpNoiseMultiplier", c.dpNoiseMultiplier());
        n.put("dpDelta", c.dpDelta());
        return n;
    }

    private void write() throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }
}
