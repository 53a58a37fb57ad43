package io.tumorboard.federation.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only JSON-lines record of every refused connection and update: time, event, the peer (a site's
 * certificate CN or a network address, never a patient value), the round when known and the reason.
 * Each line is flushed before the refusal is answered, so a crash loses no entry already answered.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit log folder for " + file, e);
        }
    }

    /** Records one refusal; {@code round} is 0 when the refusal is not tied to a round. */
    public void refused(AuditEvent event, String peer, int round, String reason) {
        append(event, peer, round, reason);
        LOG.warn("refused {} from {} (round {}): {}", event, peer, round, reason);
    }

    /** Records that {@code actor} promoted {@code version} ("run/round-NNNN") and why. */
    public void promoted(String version, String actor, String reason) {
        append(AuditEvent.MODEL_PROMOTED, actor, 0, version + ": " + reason);
        LOG.info("promoted {} ({}, by {})", version, reason, actor);
    }

    private synchronized void append(AuditEvent event, String peer, int round, String reason) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("event", event.name());
        line.put("peer", peer);
        line.put("round", round);
        line.put("reason", reason);
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit log " + file, e);
        }
    }

    /** The entries written so far, in order (for operators and tests). */
    public synchronized List<AuditEntry> entries() {
        List<AuditEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var n = JSON.readTree(l);
                out.add(new AuditEntry(AuditEvent.valueOf(n.get("event").asText()), n.get("peer").asText(),
                        n.get("round").asInt(), n.get("reason").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
        return out;
    }

    /** One line of the audit log. */
    public record AuditEntry(AuditEvent event, String peer, int round, String reason) {
    }
}
