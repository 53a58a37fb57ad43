package io.tumorboard.board.store;

import java.time.Instant;

/**
 * The denormalised columns of the newest version of a case: enough to search, list and order an agenda
 * without decoding the case JSON.
 */
public record CaseSummary(
        String caseKey,
        long caseVersion,
        String site,
        String primarySite,
        String histology,
        String clinicalStage,
        String pathologicalStage,
        int flagCount,
        int criticalFlagCount,
        boolean hasImaging,
        boolean hasPathology,
        boolean hasClinical,
        Instant assembledAt) {

    /** Clinical and pathological stage groups are both known and differ. */
    public boolean stagesDiscordant() {
        return clinicalStage != null && pathologicalStage != null && !clinicalStage.equals(pathologicalStage);
    }

    /** The stage the board works from: pathological when known, else clinical. */
    public String workingStage() {
        return pathologicalStage != null ? pathologicalStage : clinicalStage;
    }
}
