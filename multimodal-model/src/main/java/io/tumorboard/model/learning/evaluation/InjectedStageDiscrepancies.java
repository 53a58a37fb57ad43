package io.tumorboard.model.learning.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.cases.StageDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stage documentation errors a demo cohort's generator injected ({@code truth/<site>/discrepancies.jsonl}),
 * as the descriptor a learned stage flag would have to name to find them: a clinical/pathological conflict
 * names its own T or N, a stage group inconsistent with its own TNM (or right only under another edition) the
 * GROUP, and a tumour-size conflict between imaging and pathology T, since a size difference is what moves T.
 * Other injected discrepancies (laterality, histology, safety) are nothing a stage head could see.
 */
public final class InjectedStageDiscrepancies {

    private InjectedStageDiscrepancies() {
    }

    /** Case key to the descriptors of its injected stage discrepancies, from every site under {@code truthDir}. */
    public static Map<String, Set<StageDescriptor>> read(Path truthDir) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Set<StageDescriptor>> byCase = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(truthDir)) {
            files = walk.filter(p -> p.getFileName().toString().equals("discrepancies.jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + truthDir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no discrepancies.jsonl under " + truthDir);
        }
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file)) {
                for (String line : lines.filter(l -> !l.isBlank()).toList()) {
                    JsonNode node = mapper.readTree(line);
                    descriptor(node.path("type").asText(), node.path("descriptor").asText(""))
                            .ifPresent(d -> byCase.computeIfAbsent(node.path("caseKey").asText(),
                                    k -> EnumSet.noneOf(StageDescriptor.class)).add(d));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return byCase;
    }

    static Optional<StageDescriptor> descriptor(String type, String descriptor) {
        return switch (type) {
            case "CLINICAL_PATHOLOGICAL_STAGE_CONFLICT" -> switch (descriptor) {
                case "T" -> Optional.of(StageDescriptor.T);
                case "N" -> Optional.of(StageDescriptor.N);
                default -> Optional.empty(); // M: no stage head learns it
            };
            case "STAGE_GROUP_INCONSISTENT", "STAGE_EDITION_MISMATCH" -> Optional.of(StageDescriptor.GROUP);
            case "TUMOR_SIZE_CONFLICT" -> Optional.of(StageDescriptor.T);
            default -> Optional.empty();
        };
    }
}
