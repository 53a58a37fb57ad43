package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.FlagType;
import java.util.Map;

/**
 * One discrepancy the generator put into a patient's records on purpose, as truth/discrepancies.jsonl states it.
 *
 * @param type the FlagType a perfect rule would raise (or {@code EXPECTED_RESTAGING} for legitimate re-staging)
 * @param descriptor what differs: T, N, M, GROUP, laterality, size, histology, contrast, eGFR, device
 * @param sourceA the record (resource type/id or document id) stating one side
 * @param sourceB the record stating the other side
 * @param values the two values as exported, keyed by the side's label
 * @param note one sentence on what was injected
 */
record InjectedDiscrepancy(
        FlagType type,
        String descriptor,
        String sourceA,
        String sourceB,
        Map<String, String> values,
        String note) {
}
