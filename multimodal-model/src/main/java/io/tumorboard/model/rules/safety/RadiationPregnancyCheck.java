package io.tumorboard.model.rules.safety;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Ionising-radiation imaging planned in pregnancy (CRITICAL), and, because a missed pregnancy is worse than an
 * extra check, for a female patient of reproductive age (12 to 50 years) whose pregnancy status is not recorded
 * (WARNING): the ACR-SPR practice parameter asks that such patients be screened before the exposure.
 */
final class RadiationPregnancyCheck implements SafetyCheck {

    static final String SOURCE = "ACR-SPR Practice Parameter for Imaging Pregnant or Potentially Pregnant Patients "
            + "with Ionizing Radiation (2023)";
    static final int REPRODUCTIVE_AGE_MIN_YEARS = 12;
    static final int REPRODUCTIVE_AGE_MAX_YEARS = 50;

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<CaseFlag> flags = new ArrayList<>();
        Boolean pregnant = c.clinical().pregnant();
        for (PlannedImaging p : c.clinical().plannedImaging()) {
            if (!PlannedProcedures.isIonising(p)) {
                continue;
            }
            Evidence procedure = new Evidence("planned procedure", p.description(), p.source());
            if (Boolean.TRUE.equals(pregnant)) {
                flags.add(new CaseFlag(FlagType.RADIATION_IN_PREGNANCY, Severity.CRITICAL, "pregnancy",
                        "Ionising-radiation imaging planned (" + p.description() + ") for a pregnant patient",
                        List.of(procedure, new Evidence("pregnancy status", "pregnant",
                                new SourceRef(SourceRef.SourceKind.DERIVED, "ClinicalFacts.pregnant", null))),
                        "SAFETY-RADIATION-PREGNANCY", SOURCE));
            } else if (pregnant == null && possiblyPregnant(c)) {
                flags.add(new CaseFlag(FlagType.RADIATION_IN_PREGNANCY, Severity.WARNING, "pregnancy",
                        "Ionising-radiation imaging planned (" + p.description() + ") for a woman of reproductive age "
                                + "whose pregnancy status is not recorded",
                        List.of(procedure, new Evidence("pregnancy status", "not recorded",
                                new SourceRef(SourceRef.SourceKind.DERIVED, "ClinicalFacts.pregnant", null))),
                        "SAFETY-RADIATION-PREGNANCY-UNKNOWN", SOURCE));
            }
        }
        return flags;
    }

    private static boolean possiblyPregnant(PatientCase c) {
        if (c.demographics() == null || !"female".equalsIgnoreCase(c.demographics().sex())) {
            return false;
        }
        Integer age = c.demographics().ageAtDiagnosisYears();
        return age != null && age >= REPRODUCTIVE_AGE_MIN_YEARS && age <= REPRODUCTIVE_AGE_MAX_YEARS;
    }
}
