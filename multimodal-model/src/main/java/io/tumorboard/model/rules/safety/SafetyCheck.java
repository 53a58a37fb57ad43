package io.tumorboard.model.rules.safety;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.PatientCase;
import java.util.List;

/** One safety rule over one case's planned imaging. */
interface SafetyCheck {

    List<CaseFlag> check(PatientCase c);
}
