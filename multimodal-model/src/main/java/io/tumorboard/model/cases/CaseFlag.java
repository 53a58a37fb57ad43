package io.tumorboard.model.cases;

import java.util.List;
import java.util.Objects;

/**
 * A discrepancy, safety or learned flag on a case: what differs, where each value came from, and which rule
 * says so. A flag that only said "mismatch" would be ignored by a board; this one carries its evidence.
 *
 * @param type the kind of flag
 * @param severity how urgent
 * @param descriptor the descriptor that differs, e.g. {@code T}, {@code laterality}, {@code eGFR}
 * @param summary one sentence a board member reads, without patient identifiers
 * @param evidence the values that disagree (usually two), each with its source
 * @param ruleId stable identifier of the rule, e.g. {@code STAGE-CP-T}
 * @param ruleSource the published source of the rule, e.g. {@code AJCC Cancer Staging Manual, 8th ed., ch. 36}
 */
public record CaseFlag(
        FlagType type,
        Severity severity,
        String descriptor,
        String summary,
        List<Evidence> evidence,
        String ruleId,
        String ruleSource) {

    public CaseFlag {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
