package io.tumorboard.board.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Reads the model registry folder; never writes it (promotion is the federation's act, not the board's). A
 * version folder holds one model package ({@code *.zip}, the learning module's {@code ModelPackage} with its
 * network, manifest and model card inside) and may hold the card beside it as {@code model-card.md}.
 */
@Component
public class ModelRegistry {

    static final String PROMOTED = "promoted";
    static final String MODEL_CARD = "model-card.md";

    private final Path root;

    /**
     * The promoted version's package.
     *
     * @param version the version folder's name
     * @param file the model package zip in it
     */
    public record PromotedPackage(String version, Path file) {
    }

    public ModelRegistry(ModelRegistryProperties properties) {
        this.root = properties.registry();
    }

    public Path root() {
        return root;
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    /** The version the {@code promoted} file names, if the file exists and is not blank. */
    public Optional<String> promoted() {
        Path pointer = root.resolve(PROMOTED);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = read(pointer).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The promoted version's model package, when the pointer names a folder holding exactly one zip. */
    public Optional<PromotedPackage> promotedPackage() {
        return promoted().flatMap(version -> {
            Path dir = root.resolve(version).normalize();
            if (!dir.startsWith(root.normalize()) || !Files.isDirectory(dir)) {
                return Optional.empty();
            }
            List<Path> packages = packages(dir);
            return packages.size() == 1 ? Optional.of(new PromotedPackage(version, packages.get(0))) : Optional.empty();
        });
    }

    private static List<Path> packages(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model version " + dir, e);
        }
    }

    List<ModelVersionEntry> versions() {
        if (!exists()) {
            return List.of();
        }
        String promoted = promoted().orElse(null);
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).sorted(Comparator.comparing(Path::getFileName).reversed())
                    .map(dir -> entry(dir, dir.getFileName().toString().equals(promoted))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model registry " + root, e);
        }
    }

    private ModelVersionEntry entry(Path dir, boolean isPromoted) {
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model version " + dir, e);
        }
        List<String> missing = new ArrayList<>();
        List<Path> packages = packages(dir);
        if (packages.isEmpty()) {
            missing.add("model package (*.zip with network, manifest and model card)");
        } else if (packages.size() > 1) {
            missing.add("a single model package: " + packages.size() + " zips found, the board cannot tell which");
        }
        String card = files.contains(MODEL_CARD) ? read(dir.resolve(MODEL_CARD))
                : packages.size() == 1 ? cardInside(packages.get(0)) : null;
        if (card == null) {
            missing.add("model card (" + MODEL_CARD + ", beside or inside the package)");
        }
        return new ModelVersionEntry(dir.getFileName().toString(), isPromoted, files, missing, card);
    }

    /** The model card the package carries, null when it has none or is not a readable zip. */
    private static String cardInside(Path zipFile) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(zipFile.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry(MODEL_CARD);
            return entry == null ? null : new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
