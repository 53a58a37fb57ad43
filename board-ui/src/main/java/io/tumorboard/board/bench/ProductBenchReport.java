package io.tumorboard.board.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Joins the figures every module's bench wrote ({@code <module>.json}: module, machine, figures with the value
 * each is measured against and the ratio) into one Markdown report, headed by the machine it ran on. The figures
 * are the modules' own; this only lays them side by side, so a reader sees each number beside its reference.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
        description = "Join the modules' bench figures (bench-output/*.json) into one report")
public final class ProductBenchReport implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--in", defaultValue = "bench-output", description = "folder of the modules' <module>.json files")
    Path in;

    @Option(names = "--out", description = "the report; default <in>/REPORT.md")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProductBenchReport()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<Path> reports = moduleReports();
        if (reports.isEmpty()) {
            System.err.println("no module bench reports (*.json) in " + in.toAbsolutePath()
                    + ": run ./mvnw -B -Pbench verify -DskipTests from the repository root");
            return 1;
        }
        Path target = out != null ? out : in.resolve("REPORT.md");
        Files.writeString(target, render(reports), StandardCharsets.UTF_8);
        System.out.println("bench report: " + target.toAbsolutePath());
        return 0;
    }

    private List<Path> moduleReports() throws IOException {
        if (!Files.isDirectory(in)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    String render(List<Path> reports) throws IOException {
        StringBuilder md = new StringBuilder("# Bench report\n\n");
        md.append("Written ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" on ").append(thisMachine()).append(".\n\n");
        md.append("Every figure stands beside what it is measured against; a ratio above 1 means the figure is that "
                + "many times its reference. `met` is the module's own reading of its goal.\n");
        for (Path report : reports) {
            JsonNode module = JSON.readTree(report.toFile());
            md.append("\n## ").append(module.path("module").asText(report.getFileName().toString())).append("\n\n");
            if (module.hasNonNull("machine")) {
                md.append("Machine: ").append(module.get("machine").asText()).append("\n\n");
            }
            md.append("| figure | value | unit | measured against | reference | ratio | goal | met |\n");
            md.append("|---|---:|---|---|---:|---:|---|---|\n");
            for (JsonNode figure : module.path("figures")) {
                md.append("| ").append(text(figure, "name"))
                        .append(" | ").append(number(figure, "value"))
                        .append(" | ").append(text(figure, "unit"))
                        .append(" | ").append(text(figure, "reference"))
                        .append(" | ").append(number(figure, "referenceValue"))
                        .append(" | ").append(number(figure, "ratio"))
                        .append(" | ").append(text(figure, "goal"))
                        .append(" | ").append(met(figure)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String text(JsonNode figure, String field) {
        return figure.hasNonNull(field) ? figure.get(field).asText().replace("|", "\\|") : "";
    }

    private static String number(JsonNode figure, String field) {
        if (!figure.hasNonNull(field)) {
            return "";
        }
        JsonNode value = figure.get(field);
        return value.isNumber() ? String.format(Locale.ROOT, "%.4g", value.asDouble()) : value.asText();
    }

    private static String met(JsonNode figure) {
        if (!figure.hasNonNull("met")) {
            return "";
        }
        return figure.get("met").asBoolean() ? "yes" : "**no**";
    }

    private static String thisMachine() {
        Runtime runtime = Runtime.getRuntime();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%s %s, %d cores, %.1f GiB max heap, Java %s, load average %.2f",
                System.getProperty("os.name"), System.getProperty("os.arch"), runtime.availableProcessors(),
                runtime.maxMemory() / (1024.0 * 1024 * 1024), System.getProperty("java.version"), load);
    }
}
