package io.tumorboard.pipeline.cohort;

import java.util.Map;

/**
 * What one site's export holds.
 *
 * @param site the site
 * @param patients number of patients
 * @param recordsPerFile lines per resource type (malformed ones included), radiomics rows, pathology text files
 * @param discrepanciesPerType injected discrepancies (and legitimate re-stagings) per FlagType name
 * @param malformedPerKind malformed records per kind
 */
public record SiteSummary(
        String site,
        int patients,
        Map<String, Integer> recordsPerFile,
        Map<String, Integer> discrepanciesPerType,
        Map<String, Integer> malformedPerKind) {

    public int malformed() {
        return malformedPerKind.values().stream().mapToInt(Integer::intValue).sum();
    }
}
