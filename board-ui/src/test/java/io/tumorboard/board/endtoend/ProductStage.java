package io.tumorboard.board.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One stage of the product run the way an operator runs it: a separate JVM started from a module's built jar,
 * its output kept in a log file. A failure names the stage, its exit code and the end of its log.
 */
final class ProductStage {

    private final String name;
    private final List<String> command;
    private final Path log;

    private ProductStage(String name, List<String> command, Path log) {
        this.name = name;
        this.command = command;
        this.log = log;
    }

    /** {@code java <jvmArgs...>} with this JVM's Java, logging to {@code logs/<name>.log} under the work folder. */
    static ProductStage java(String name, Path work, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(jvmArgs);
        return new ProductStage(name, command, work.resolve("logs").resolve(name + ".log"));
    }

    /** Runs the stage to completion; throws naming the stage when it fails or outlives {@code limit}. */
    void run(Path directory, Duration limit) throws IOException, InterruptedException {
        Process process = start(directory);
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("stage '" + name + "' did not finish within " + limit + "; its log:\n" + tail());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("stage '" + name + "' failed with exit code " + process.exitValue()
                    + "; its log (" + log + "):\n" + tail());
        }
    }

    /** Starts the stage and leaves it running (a server); the caller stops it. */
    Process start(Path directory) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // ND4J's OpenMP pool would otherwise take every core of the CI machine per process.
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    String name() {
        return name;
    }

    String tail() throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
