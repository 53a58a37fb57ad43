package io.tumorboard.federation.standalone;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a process's YAML configuration: unknown keys are errors (a typo must not silently fall back to a
 * default), {@code --set a.b=value} overrides are applied before binding, and relative paths are resolved
 * against the configuration file's folder so a file can be moved together with what it points at.
 */
final class SettingsFile {

    /** Keys whose values are file-system paths (a string, or a list of strings). */
    private static final Set<String> PATH_KEYS = Set.of("certificate", "privateKey", "caCertificate", "work", "registry",
            "summaries", "setup", "cases", "fusionSetup", "featureSummary", "approvedRuns");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private SettingsFile() {
    }

    static <T> T read(Path file, List<String> overrides, Class<T> type) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (!(tree instanceof ObjectNode root)) {
                throw new IllegalArgumentException("configuration " + file + " is not a YAML mapping");
            }
            for (String o : overrides) {
                override(root, o);
            }
            Path base = file.toAbsolutePath().getParent();
            resolvePaths(root, base);
            return YAML.treeToValue(root, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("configuration " + file + ": " + e.getMessage().lines().findFirst()
                    .orElse(e.toString()), e);
        }
    }

    /** Applies {@code a.b.c=value}; the value is read as a YAML scalar or flow collection ({@code [x, y]}). */
    private static void override(ObjectNode root, String assignment) throws IOException {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("override must be key.path=value: " + assignment);
        }
        String[] keys = assignment.substring(0, eq).split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            node = node.has(keys[i]) && node.get(keys[i]).isObject() ? (ObjectNode) node.get(keys[i]) : node.putObject(keys[i]);
        }
        String raw = assignment.substring(eq + 1);
        JsonNode value = raw.isEmpty() ? TextNode.valueOf("") : YAML.readTree(raw);
        node.set(keys[keys.length - 1], value == null ? TextNode.valueOf(raw) : value);
    }

    private static void resolvePaths(JsonNode node, Path base) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (PATH_KEYS.contains(f.getKey()) && f.getValue().isTextual()) {
                    f.setValue(TextNode.valueOf(base.resolve(f.getValue().asText()).normalize().toString()));
                } else if (PATH_KEYS.contains(f.getKey()) && f.getValue() instanceof ArrayNode list) {
                    for (int i = 0; i < list.size(); i++) {
                        list.set(i, TextNode.valueOf(base.resolve(list.get(i).asText()).normalize().toString()));
                    }
                } else {
                    resolvePaths(f.getValue(), base);
                }
            }
        }
    }
}
