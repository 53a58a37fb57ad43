package io.tumorboard.model.learning.evaluation;

import io.tumorboard.model.cases.StageDescriptor;
import java.util.Set;

/**
 * The descriptors the fused model's learned stage flags named for one held-out case (empty when none fired).
 *
 * @param caseKey the case
 * @param flagged the descriptors (T, N, GROUP) with at least one learned contradiction
 */
public record HeldOutFlags(String caseKey, Set<StageDescriptor> flagged) {

    public HeldOutFlags {
        flagged = Set.copyOf(flagged);
    }
}
