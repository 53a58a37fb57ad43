package io.tumorboard.model.rules.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code ../shared/reference-data} beside the repository root, wherever the test JVM was started. */
final class ReferenceData {

    private ReferenceData() {
    }

    static Optional<Path> folder(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                Path folder = dir.resolve("../shared/reference-data").resolve(name).normalize();
                return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
