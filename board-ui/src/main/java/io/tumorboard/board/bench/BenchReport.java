package io.tumorboard.board.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The product-wide bench report: {@code {"module", "machine", "figures": [{"name", "value", "unit", "reference",
 * "referenceValue", "ratio", "goal", "met"}]}}. Only the p99 at 50 users has a goal (the 100 ms);
 * throughput and medians are reported without a reference (null ratio and met).
 */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchReport() {
    }

    static void write(Path file, String setting, List<LoadResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("module", "board-ui");
        root.put("machine", String.format("%d cores, %s %s, Java %s; %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                setting));
        ArrayNode figures = root.putArray("figures");
        for (LoadResult r : results) {
            plain(figures.addObject(), "case page requests/s at " + r.users() + " users", r.requestsPerSecond(), "req/s");
            plain(figures.addObject(), "case page p50 at " + r.users() + " users", r.p50Ms(), "ms");
            ObjectNode p99 = figures.addObject();
            p99.put("name", "case page p99 at " + r.users() + " users");
            p99.put("value", r.p99Ms());
            p99.put("unit", "ms");
            if (r.users() == 50) {
                p99.put("reference", "goal: p99 < 100 ms at 50 users (issue 7)");
                p99.put("referenceValue", BenchCommand.GOAL_P99_MS);
                p99.put("ratio", r.p99Ms() / BenchCommand.GOAL_P99_MS);
                p99.put("goal", "p99 < 100 ms at 50 concurrent users");
                p99.put("met", r.p99Ms() < BenchCommand.GOAL_P99_MS);
            } else {
                none(p99);
            }
            if (r.errors() > 0) {
                plain(figures.addObject(), "case page errors at " + r.users() + " users", r.errors(), "requests");
            }
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bench report " + file, e);
        }
    }

    private static void plain(ObjectNode figure, String name, double value, String unit) {
        figure.put("name", name);
        figure.put("value", value);
        figure.put("unit", unit);
        none(figure);
    }

    private static void none(ObjectNode figure) {
        figure.putNull("reference");
        figure.putNull("referenceValue");
        figure.putNull("ratio");
        figure.putNull("met");
    }
}
