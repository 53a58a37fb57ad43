package io.tumorboard.federation.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.coordinator.ExchangeOpened;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.SiteReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Per-round, per-site metrics as JSON lines: one line per accepted site report ({@code "type":"site"}:
 * run, round, site, kind, examples, metrics, dp_epsilon) and one per closed round ({@code "type":"round"}:
 * contributors, duration in ms) and one per masked calibration exchange opened ({@code "type":"exchange"}: run,
 * round, exchange id, counts asked for, participants, sites dropped from the previous exchange). Site names are
 * hospitals, never patients.
 */
public final class RoundMetricsJournal implements RoundListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public RoundMetricsJournal(Path file) {
        this.file = file;
    }

    @Override
    public void siteReported(String runId, int round, String site, SiteReport report) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "site");
        line.put("run", runId);
        line.put("round", round);
        line.put("site", site);
        line.put("kind", report.kind().name());
        line.put("examples", report.exampleCount());
        ObjectNode m = line.putObject("metrics");
        report.metrics().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        line.put("dp_epsilon", report.epsilonSpent());
        append(line);
    }

    @Override
    public void roundClosed(ClosedRound round) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "round");
        line.put("run", round.config().runId());
        line.put("round", round.round());
        line.put("strategy", round.config().strategy().name());
        round.contributors().forEach(line.putArray("contributors")::add);
        line.put("duration_ms", round.took().toMillis());
        append(line);
    }

    @Override
    public void exchangeOpened(ExchangeOpened exchange) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "exchange");
        line.put("run", exchange.runId());
        line.put("round", exchange.round());
        line.put("exchange", exchange.exchangeId());
        line.put("counts", exchange.counts().name());
        exchange.participants().forEach(line.putArray("participants")::add);
        exchange.dropped().forEach(line.putArray("dropped")::add);
        append(line);
    }

    private synchronized void append(ObjectNode line) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the metrics journal " + file, e);
        }
    }
}
