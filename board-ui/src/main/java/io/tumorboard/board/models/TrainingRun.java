package io.tumorboard.board.models;

import java.util.List;
import java.util.Map;

/**
 * A federated training run as {@code R/<run-id>/run.json} records it.
 *
 * @param id the run id (its folder name)
 * @param status what the federation says of it (e.g. RUNNING, COMPLETED, FAILED), null when it does not say
 * @param started when it started, as written
 * @param finished when it finished, as written; null while it runs
 * @param sites the participating sites
 * @param configuration every other field of {@code run.json}, flattened to dotted names, in file order
 * @param rounds how many round folders the registry holds for it
 * @param problem why {@code run.json} could not be read, null when it was read
 */
public record TrainingRun(String id, String status, String started, String finished, List<String> sites,
        Map<String, String> configuration, int rounds, String problem) {

    public TrainingRun {
        sites = List.copyOf(sites);
    }
}
