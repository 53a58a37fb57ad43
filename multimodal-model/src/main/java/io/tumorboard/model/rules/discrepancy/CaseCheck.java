package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.PatientCase;
import java.util.List;

/** One discrepancy rule over one case. */
interface CaseCheck {

    List<CaseFlag> check(PatientCase c);
}
