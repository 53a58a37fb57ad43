package io.tumorboard.pipeline.cohort;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param sites site names, one folder each
 * @param patientsPerSite patients at every site
 * @param seed the seed: the same seed gives the same bytes
 * @param out the output folder
 */
public record CohortSettings(List<String> sites, int patientsPerSite, long seed, Path out) {

    public static final List<String> DEFAULT_SITES = List.of("hospital-a", "hospital-b", "hospital-c");
    public static final int DEFAULT_PATIENTS = 400;
    public static final long DEFAULT_SEED = 20_260_522L;

    public CohortSettings {
        sites = List.copyOf(Objects.requireNonNull(sites, "sites"));
        Objects.requireNonNull(out, "out");
        if (sites.isEmpty() || sites.stream().distinct().count() != sites.size()) {
            throw new IllegalArgumentException("sites must be one or more distinct names, got " + sites);
        }
        for (String site : sites) {
            if (!site.matches("[a-z0-9][a-z0-9-]{0,30}")) {
                throw new IllegalArgumentException("site name '" + site
                        + "' must be lower-case letters, digits and dashes (it becomes a folder and a FHIR id part)");
            }
            if (site.equals("truth")) {
                throw new IllegalArgumentException("'truth' is reserved for the truth folder");
            }
        }
        if (patientsPerSite < 20 || patientsPerSite > 200_000) {
            throw new IllegalArgumentException("patients per site must be 20..200000, got " + patientsPerSite
                    + " (below 20 not every malformed-record kind and discrepancy type can occur)");
        }
    }

    /** The default sites, named hospital-a, hospital-b, ... for any count. */
    public static List<String> sitesNamed(int count) {
        if (count < 1 || count > 26) {
            throw new IllegalArgumentException("site count must be 1..26, got " + count);
        }
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "hospital-" + (char) ('a' + i)).toList();
    }
}
