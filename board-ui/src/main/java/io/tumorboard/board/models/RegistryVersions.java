package io.tumorboard.board.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads one version folder: its files, its lineage, its model card, and what it lacks to be promoted. */
final class RegistryVersions {

    static final String MODEL_CARD = "model-card.md";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryVersions() {
    }

    static ModelVersionEntry entry(String version, Path dir, boolean promoted) {
        List<String> files = ModelRegistry.list(dir).stream().map(p -> p.getFileName().toString()).sorted().toList();
        List<String> missing = new ArrayList<>();
        ModelLineage lineage = null;
        if (!files.contains(ModelRegistry.LINEAGE)) {
            missing.add("lineage (" + ModelRegistry.LINEAGE + ")");
        } else {
            try {
                lineage = lineage(JSON.readTree(Files.readString(dir.resolve(ModelRegistry.LINEAGE),
                        StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                missing.add("a readable " + ModelRegistry.LINEAGE + " (" + e.getMessage() + ")");
            }
        }
        String card = null;
        if (!files.contains(ModelRegistry.PACKAGE)) {
            missing.add("model package (" + ModelRegistry.PACKAGE + ": network, fitted features, manifest, model card)");
        } else {
            card = cardInside(dir.resolve(ModelRegistry.PACKAGE));
            if (card == null) {
                missing.add("model card (" + MODEL_CARD + " inside " + ModelRegistry.PACKAGE + ")");
            }
        }
        return new ModelVersionEntry(version, promoted, lineage, files, missing, card);
    }

    static ModelLineage lineage(JsonNode json) {
        List<String> sites = new ArrayList<>();
        json.path("sites").forEach(s -> sites.add(s.asText()));
        Map<String, Map<String, String>> metrics = new LinkedHashMap<>();
        json.path("metrics").properties().forEach(site -> {
            Map<String, String> values = new LinkedHashMap<>();
            site.getValue().properties().forEach(m -> values.put(m.getKey(), display(m.getValue())));
            metrics.put(site.getKey(), values);
        });
        return new ModelLineage(json.path("run").asText(null), json.path("round").asInt(0),
                json.path("strategy").asText(null), json.path("configDigest").asText(null), sites, metrics,
                json.path("weightsSha256").asText(null), json.path("parent").isNull() ? null
                        : json.path("parent").asText(null));
    }

    /** A metric as people read it: numbers to four significant places, text as written. */
    static String display(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return String.format(java.util.Locale.ROOT, "%.4g", value.asDouble());
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The model card the package carries, null when it has none or is not a readable zip. */
    private static String cardInside(Path zipFile) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry entry = zip.getEntry(MODEL_CARD);
            return entry == null ? null : new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
