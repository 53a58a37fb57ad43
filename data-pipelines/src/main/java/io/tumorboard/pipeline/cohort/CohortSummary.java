package io.tumorboard.pipeline.cohort;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generated cohort holds, site by site, as cohort.json records it and the demo prints it.
 *
 * @param generatorVersion version of the generator that wrote it
 * @param seed the seed
 * @param out the output folder
 * @param sites per-site counts
 */
public record CohortSummary(String generatorVersion, long seed, Path out, List<SiteSummary> sites) {

    public int patients() {
        return sites.stream().mapToInt(SiteSummary::patients).sum();
    }

    public int malformed() {
        return sites.stream().mapToInt(SiteSummary::malformed).sum();
    }

    /** Discrepancies per type over all sites, sorted by name. */
    public Map<String, Integer> discrepanciesPerType() {
        Map<String, Integer> total = new TreeMap<>();
        sites.forEach(s -> s.discrepanciesPerType().forEach((k, v) -> total.merge(k, v, Integer::sum)));
        return total;
    }

    /** A plain-text summary for a terminal. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("Demo cohort (generator ").append(generatorVersion).append(", seed ").append(seed).append(")\n");
        s.append("  output: ").append(out.toAbsolutePath()).append('\n');
        s.append("  sites: ").append(sites.size()).append(", patients: ").append(patients()).append('\n');
        for (SiteSummary site : sites) {
            s.append("  ").append(site.site()).append(": ").append(site.patients()).append(" patients -> ")
                    .append(out.resolve(site.site()).toAbsolutePath()).append('\n');
            s.append("    records: ").append(site.recordsPerFile()).append('\n');
            s.append("    malformed: ").append(site.malformed()).append(' ').append(site.malformedPerKind()).append('\n');
        }
        s.append("  discrepancies per type: ").append(discrepanciesPerType()).append('\n');
        s.append("  malformed records: ").append(malformed()).append('\n');
        s.append("  truth (tests and evaluations only): ").append(out.resolve("truth").toAbsolutePath()).append('\n');
        return s.toString();
    }
}
