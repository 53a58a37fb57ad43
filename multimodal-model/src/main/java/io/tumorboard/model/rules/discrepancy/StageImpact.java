package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.rules.staging.StageGrouping;
import io.tumorboard.model.rules.staging.StageResult;
import java.util.List;
import java.util.Optional;

/**
 * Whether two values of one descriptor put the patient in different stage groups, the other two descriptors
 * taken from the same basis. A conflict that moves the stage group changes treatment and is critical; one that
 * does not is a warning (Severity's own definition).
 */
final class StageImpact {

    private StageImpact() {
    }

    static Severity severity(List<StageStatement> sameBasis, StageStatement a, StageStatement b) {
        if (a.descriptor() == 'M') {
            return Severity.CRITICAL; // M0 against M1 is the line between curative and palliative intent
        }
        AjccEdition edition = a.edition() != AjccEdition.UNKNOWN ? a.edition() : b.edition();
        if (!StageGrouping.editions().contains(edition)) {
            edition = AjccEdition.EIGHTH; // only to judge impact; the flag itself never regroups a stage
        }
        Optional<String> groupA = groupWith(sameBasis, a, edition);
        Optional<String> groupB = groupWith(sameBasis, b, edition);
        return groupA.isPresent() && groupB.isPresent() && !groupA.equals(groupB) ? Severity.CRITICAL : Severity.WARNING;
    }

    private static Optional<String> groupWith(List<StageStatement> statements, StageStatement fixed, AjccEdition edition) {
        String t = fixed.descriptor() == 'T' ? fixed.value() : first(statements, fixed, 'T');
        String n = fixed.descriptor() == 'N' ? fixed.value() : first(statements, fixed, 'N');
        String m = fixed.descriptor() == 'M' ? fixed.value() : first(statements, fixed, 'M');
        if (t == null || n == null || m == null) {
            return Optional.empty();
        }
        return StageGrouping.group(edition, t, n, m) instanceof StageResult.Staged s ? Optional.of(s.group())
                : Optional.empty();
    }

    private static String first(List<StageStatement> statements, StageStatement like, char descriptor) {
        return statements.stream().filter(s -> s.basis() == like.basis() && s.descriptor() == descriptor)
                .map(StageStatement::value).findFirst().orElse(null);
    }
}
