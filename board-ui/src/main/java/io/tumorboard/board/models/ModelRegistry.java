package io.tumorboard.board.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The federation's model registry folder, laid out as the registry contract says:
 * {@code R/<run-id>/run.json} and {@code metrics.jsonl}, {@code R/<run-id>/round-<NNNN>/model.zip} (the learning
 * module's {@code ModelPackage}) and {@code lineage.json}, and {@code R/promoted} holding one line
 * {@code <run-id>/round-<NNNN>}. The board reads everything and writes only the {@code promoted} pointer, replaced
 * atomically (a temporary file moved over it), so the federation's {@code promote} command and the board's
 * promote action may both be used on the same registry.
 */
@Component
public class ModelRegistry {

    static final String PROMOTED = "promoted";
    static final String PACKAGE = "model.zip";
    static final String LINEAGE = "lineage.json";
    /** A version as the contract writes it; anything else in {@code promoted} is ignored, never followed. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}/round-\\d{4,}");

    private final Path root;

    /**
     * The promoted version's package.
     *
     * @param version {@code <run-id>/round-<NNNN>}
     * @param file its {@code model.zip}
     */
    public record PromotedPackage(String version, Path file) {
    }

    public ModelRegistry(ModelRegistryProperties properties) {
        this.root = properties.registry().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    public static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /** The version the {@code promoted} file names, when it exists and names a version in the contract's form. */
    public Optional<String> promoted() {
        Path pointer = root.resolve(PROMOTED);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = read(pointer).strip();
        return isVersion(name) ? Optional.of(name) : Optional.empty();
    }

    /** The promoted version's model package, when its folder holds {@code model.zip}. */
    public Optional<PromotedPackage> promotedPackage() {
        return promoted().flatMap(version -> {
            Path file = root.resolve(version).resolve(PACKAGE);
            return Files.isRegularFile(file) ? Optional.of(new PromotedPackage(version, file)) : Optional.empty();
        });
    }

    /** Every version of every run, newest run and newest round first. */
    public List<ModelVersionEntry> versions() {
        if (!exists()) {
            return List.of();
        }
        String promoted = promoted().orElse(null);
        List<ModelVersionEntry> out = new ArrayList<>();
        for (Path run : runFolders()) {
            for (Path round : list(run).stream().filter(p -> Files.isDirectory(p)
                    && isVersion(run.getFileName() + "/" + p.getFileName())).sorted(Comparator.reverseOrder()).toList()) {
                String version = run.getFileName() + "/" + round.getFileName();
                out.add(RegistryVersions.entry(version, round, version.equals(promoted)));
            }
        }
        return out;
    }

    /** The run folders (those holding {@code run.json} or at least one round), newest name first. */
    List<Path> runFolders() {
        if (!exists()) {
            return List.of();
        }
        return list(root).stream().filter(Files::isDirectory)
                .filter(d -> Files.isRegularFile(d.resolve("run.json")) || list(d).stream()
                        .anyMatch(r -> Files.isDirectory(r) && r.getFileName().toString().startsWith("round-")))
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
    }

    /** The one version, when it exists. */
    public Optional<ModelVersionEntry> version(String version) {
        if (!isVersion(version) || !Files.isDirectory(root.resolve(version))) {
            return Optional.empty();
        }
        return Optional.of(RegistryVersions.entry(version, root.resolve(version),
                version.equals(promoted().orElse(null))));
    }

    /**
     * Points {@code promoted} at a version: a temporary file beside it is written, flushed and moved over it in
     * one atomic rename, so a reader sees the old or the new line, never a partial one.
     */
    void promote(String version) {
        ModelVersionEntry entry = version(version)
                .orElseThrow(() -> new IllegalArgumentException("no model version " + version + " in the registry"));
        if (!entry.missing().isEmpty()) {
            throw new IllegalArgumentException("model version " + version + " lacks " + String.join(", ", entry.missing()));
        }
        Path tmp = root.resolve(PROMOTED + ".board.tmp");
        try {
            Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, root.resolve(PROMOTED), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + root.resolve(PROMOTED), e);
        }
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
