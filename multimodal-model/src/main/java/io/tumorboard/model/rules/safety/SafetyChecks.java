package io.tumorboard.model.rules.safety;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.List;

/** Every safety rule over one case's planned imaging. */
public final class SafetyChecks {

    private final List<SafetyCheck> checks = List.of(new ContrastAllergyCheck(), new ContrastRenalCheck(),
            new MriDeviceCheck(), new RadiationPregnancyCheck());

    public SafetyChecks() {
        // the rule set is fixed: published rules are not configured per site
    }

    public List<CaseFlag> check(PatientCase c) {
        List<CaseFlag> flags = new ArrayList<>();
        for (SafetyCheck check : checks) {
            flags.addAll(check.check(c));
        }
        return flags;
    }
}
