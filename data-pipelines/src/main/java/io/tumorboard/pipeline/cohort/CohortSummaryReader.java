package io.tumorboard.pipeline.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a generated cohort's summary back from its cohort.json, so the demo can describe an existing folder. */
public final class CohortSummaryReader {

    private CohortSummaryReader() {
    }

    public static CohortSummary read(Path out) {
        Path file = out.resolve("cohort.json");
        try {
            JsonNode cohort = JsonMapper.builder().build().readTree(file.toFile());
            List<SiteSummary> sites = new ArrayList<>();
            for (var entry : cohort.path("counts").properties()) {
                JsonNode counts = entry.getValue();
                sites.add(new SiteSummary(entry.getKey(), counts.path("patients").asInt(), ints(counts.path("records")),
                        ints(counts.path("discrepancies")), ints(counts.path("malformed"))));
            }
            return new CohortSummary(cohort.path("generatorVersion").asText(), cohort.path("seed").asLong(), out,
                    sites);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": delete the folder or run with --fresh", e);
        }
    }

    private static Map<String, Integer> ints(JsonNode node) {
        Map<String, Integer> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asInt()));
        return map;
    }
}
