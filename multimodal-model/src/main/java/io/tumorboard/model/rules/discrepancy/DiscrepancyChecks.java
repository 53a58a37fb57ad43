package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.List;

/** Every discrepancy rule over one case, in a fixed order so flags come out the same way each time. */
public final class DiscrepancyChecks {

    private final List<CaseCheck> checks = List.of(new StageConflictCheck(), new StageGroupCheck(),
            new LateralityCheck(), new TumorSizeCheck(), new HistologyCheck(), new ResponseCheck());

    public DiscrepancyChecks() {
        // the rule set is fixed: published rules are not configured per site
    }

    public List<CaseFlag> check(PatientCase c) {
        List<CaseFlag> flags = new ArrayList<>();
        for (CaseCheck check : checks) {
            flags.addAll(check.check(c));
        }
        return flags;
    }
}
