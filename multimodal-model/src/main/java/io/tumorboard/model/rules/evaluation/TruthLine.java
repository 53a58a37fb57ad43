package io.tumorboard.model.rules.evaluation;

import io.tumorboard.model.cases.FlagType;
import java.util.Objects;

/**
 * One line of a cohort's {@code truth/<site>/discrepancies.jsonl}: a flag the generator injected into a case.
 * Other fields of the line (the generator's details) are not needed to match and are not kept.
 *
 * @param caseKey the case
 * @param type the flag type injected
 * @param descriptor the descriptor it concerns, may be null
 */
public record TruthLine(String caseKey, FlagType type, String descriptor) {

    public TruthLine {
        Objects.requireNonNull(caseKey, "caseKey");
        Objects.requireNonNull(type, "type");
    }

    /** Background lines (expected re-staging) describe the course of care, not a discrepancy to find. */
    public boolean isBackground() {
        return type == FlagType.EXPECTED_RESTAGING;
    }
}
