package io.tumorboard.model.rules;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.rules.discrepancy.DiscrepancyChecks;
import io.tumorboard.model.rules.safety.SafetyChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every discrepancy and safety check over one case: what the pipeline runs on each assembled case and the
 * workbench shows. The rules are deterministic and stateless, so one instance may be shared across threads.
 */
public final class ClinicalRules {

    private final DiscrepancyChecks discrepancies = new DiscrepancyChecks();
    private final SafetyChecks safety = new SafetyChecks();

    public ClinicalRules() {
        // the published rules are fixed; nothing to configure
    }

    /** The flags the rules raise on a case: safety flags first, then discrepancies. */
    public List<CaseFlag> evaluate(PatientCase c) {
        Objects.requireNonNull(c, "case");
        List<CaseFlag> flags = new ArrayList<>(safety.check(c));
        flags.addAll(discrepancies.check(c));
        return List.copyOf(flags);
    }
}
