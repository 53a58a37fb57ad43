package io.tumorboard.board.models;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the federated model registry lives.
 *
 * @param registry the registry folder: one sub-folder per version (holding {@code model-card.md},
 *                 {@code manifest.json} and the weights), and a {@code promoted} file with the promoted version's name
 */
@ConfigurationProperties(prefix = "board.models")
public record ModelRegistryProperties(Path registry) {

    public ModelRegistryProperties {
        registry = registry == null ? Path.of(".tumorboard", "models") : registry;
    }
}
