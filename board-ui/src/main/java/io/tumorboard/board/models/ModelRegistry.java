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

/** Reads the model registry folder; never writes it (promotion is the federation's act, not the board's). */
@Component
class ModelRegistry {

    static final String PROMOTED = "promoted";
    static final String MODEL_CARD = "model-card.md";
    static final String MANIFEST = "manifest.json";

    private final Path root;

    ModelRegistry(ModelRegistryProperties properties) {
        this.root = properties.registry();
    }

    Path root() {
        return root;
    }

    boolean exists() {
        return Files.isDirectory(root);
    }

    /** The version the {@code promoted} file names, if the file exists and is not blank. */
    Optional<String> promoted() {
        Path pointer = root.resolve(PROMOTED);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = read(pointer).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
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
        if (!files.contains(MODEL_CARD)) {
            missing.add("model card (" + MODEL_CARD + ")");
        }
        if (!files.contains(MANIFEST)) {
            missing.add("manifest (" + MANIFEST + ") with metrics and training rounds");
        }
        if (files.stream().noneMatch(f -> f.endsWith(".zip") || f.endsWith(".bin"))) {
            missing.add("weights (*.zip or *.bin)");
        }
        String card = files.contains(MODEL_CARD) ? read(dir.resolve(MODEL_CARD)) : null;
        return new ModelVersionEntry(dir.getFileName().toString(), isPromoted, files, missing, card);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
