package io.tumorboard.model.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One module's bench figures, written as the product-wide contract
 * {@code {"module", "machine", "figures": [{"name", "value", "unit", "reference", "referenceValue", "ratio",
 * "goal", "met"}]}}. A figure is plain, measured against a reference ({@code ratio = value / referenceValue}),
 * held to a goal ({@code met}), or both; what it lacks is written as null, as is a value that is not a finite
 * number (JSON has no NaN).
 */
public final class BenchFigures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One figure.
     *
     * @param name what was measured, in the words the bench prints
     * @param value the measurement
     * @param unit its unit
     * @param reference what it is measured against, or null
     * @param referenceValue the reference's value in the same unit, or null
     * @param goal the goal the figure is held to, or null
     * @param met whether the goal was met, or null without a goal
     */
    public record Figure(String name, double value, String unit, String reference, Double referenceValue,
                         String goal, Boolean met) {

        /** {@code value / referenceValue}, or null without a reference (or with a zero one). */
        public Double ratio() {
            return referenceValue == null || referenceValue == 0 ? null : value / referenceValue;
        }
    }

    private final String module;
    private final String setting;
    private final List<Figure> figures = new ArrayList<>();

    /**
     * @param module the module's name, e.g. {@code federation}
     * @param setting what the bench ran with (sizes, seconds, data), written after the machine
     */
    public BenchFigures(String module, String setting) {
        this.module = module;
        this.setting = setting;
    }

    /** A figure with nothing to compare it with. */
    public BenchFigures plain(String name, double value, String unit) {
        return add(new Figure(name, value, unit, null, null, null, null));
    }

    /** A figure measured against a reference in the same unit; the ratio is value / referenceValue. */
    public BenchFigures against(String name, double value, String unit, String reference, double referenceValue) {
        return add(new Figure(name, value, unit, reference, referenceValue, null, null));
    }

    /** A figure held to a goal, with whether it was met. */
    public BenchFigures goal(String name, double value, String unit, String goal, boolean met) {
        return add(new Figure(name, value, unit, null, null, goal, met));
    }

    /** A figure measured against a reference and held to a goal. */
    public BenchFigures againstGoal(String name, double value, String unit, String reference, double referenceValue,
                                    String goal, boolean met) {
        return add(new Figure(name, value, unit, reference, referenceValue, goal, met));
    }

    public BenchFigures add(Figure figure) {
        figures.add(figure);
        return this;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** "cores, OS, arch, Java; setting" of the JVM that runs the bench. */
    public String machine() {
        return String.format(Locale.ROOT, "%d cores, %s %s, Java %s; %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                setting);
    }

    /** Writes the report (pretty-printed JSON), creating the folder if needed. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("module", module);
        root.put("machine", machine());
        ArrayNode array = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode node = array.addObject();
            node.put("name", f.name());
            number(node, "value", f.value());
            node.put("unit", f.unit());
            node.put("reference", f.reference());
            number(node, "referenceValue", f.referenceValue());
            number(node, "ratio", f.ratio());
            node.put("goal", f.goal());
            node.put("met", f.met());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bench report " + file, e);
        }
    }

    private static void number(ObjectNode node, String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
