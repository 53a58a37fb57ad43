package io.tumorboard.model.rules.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.cases.FlagType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every {@code discrepancies.jsonl} under a truth folder (one per site). A line without a case key or with
 * a flag type this version does not know is refused with its file and line number: a silently dropped truth
 * line would make recall look better than it is.
 */
final class TruthReader {

    static final String FILE_NAME = "discrepancies.jsonl";

    private final ObjectMapper mapper = new ObjectMapper();

    List<TruthLine> read(Path truthDir) {
        if (!Files.isDirectory(truthDir)) {
            throw new IllegalArgumentException("truth folder " + truthDir + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(truthDir)) {
            files = walk.filter(p -> p.getFileName().toString().equals(FILE_NAME)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + truthDir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + FILE_NAME + " under " + truthDir);
        }
        List<TruthLine> lines = new ArrayList<>();
        files.forEach(file -> lines.addAll(readFile(file)));
        return lines;
    }

    List<TruthLine> readFile(Path file) {
        List<TruthLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    lines.add(parse(line, file, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return lines;
    }

    private TruthLine parse(String line, Path file, int number) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + number + ": broken JSON: " + e.getOriginalMessage(), e);
        }
        String caseKey = node.path("caseKey").asText("");
        String type = node.path("type").asText("");
        if (caseKey.isEmpty()) {
            throw new IllegalArgumentException(file + " line " + number + ": no caseKey");
        }
        FlagType flagType;
        try {
            flagType = FlagType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + number + ": unknown flag type '" + type + "'", e);
        }
        String descriptor = node.hasNonNull("descriptor") ? node.get("descriptor").asText() : null;
        return new TruthLine(caseKey, flagType, descriptor);
    }
}
