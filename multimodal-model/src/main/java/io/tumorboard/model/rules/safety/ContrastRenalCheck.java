package io.tumorboard.model.rules.safety;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Contrast planned with impaired renal function (ACR Manual on Contrast Media, 2023):
 * <ul>
 *   <li>iodinated contrast with the latest eGFR before the procedure under 30 mL/min/1.73 m2: the ACR's
 *       threshold for contrast-induced AKI risk (CRITICAL);</li>
 *   <li>gadolinium with eGFR under 30: the ACR's threshold for nephrogenic systemic fibrosis risk with group II
 *       agents (WARNING);</li>
 *   <li>iodinated contrast with no eGFR in the 30 days before the procedure for a patient with an ACR risk
 *       factor the record shows (age over 60): renal function should be checked first (WARNING).</li>
 * </ul>
 * eGFR is found by LOINC code or by name; mL/s/1.73 m2 is converted (x 60).
 */
final class ContrastRenalCheck implements SafetyCheck {

    static final String SOURCE = "ACR Manual on Contrast Media (2023), Post-Contrast Acute Kidney Injury and "
            + "Contrast-Induced Nephropathy in Adults; Nephrogenic Systemic Fibrosis";
    static final double HIGH_RISK_EGFR = 30.0;
    static final int RECENT_DAYS = 30;
    static final int RISK_AGE_YEARS = 60;
    private static final Set<String> EGFR_LOINC = Set.of("62238-1", "33914-3", "48642-3", "48643-3", "50044-7",
            "69405-9", "77147-7", "88293-6", "88294-4", "98979-8", "98980-6");

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<CaseFlag> flags = new ArrayList<>();
        for (PlannedImaging p : c.clinical().plannedImaging()) {
            boolean iodinated = PlannedProcedures.usesIodinatedContrast(p);
            boolean gadolinium = PlannedProcedures.usesGadolinium(p);
            if (!iodinated && !gadolinium) {
                continue;
            }
            Optional<LabResult> egfr = latestBefore(c.clinical().labs(), p.plannedDate());
            if (egfr.isPresent() && mlPerMinute(egfr.get()) < HIGH_RISK_EGFR) {
                flags.add(flag(iodinated ? Severity.CRITICAL : Severity.WARNING, p,
                        new Evidence("eGFR", String.format(Locale.ROOT, "%.0f mL/min/1.73m2", mlPerMinute(egfr.get())),
                                egfr.get().source()),
                        (iodinated ? "Iodinated" : "Gadolinium") + " contrast planned with eGFR under 30 mL/min/1.73m2"));
            } else if (iodinated && isOlderThanRiskAge(c) && !recent(egfr, p.plannedDate())) {
                flags.add(flag(Severity.WARNING, p,
                        new Evidence("eGFR", egfr.map(l -> "last on " + l.date()).orElse("none on record"),
                                egfr.map(LabResult::source).orElse(new SourceRef(SourceRef.SourceKind.DERIVED,
                                        "no eGFR Observation", null))),
                        "Iodinated contrast planned for a patient over 60 without an eGFR in the last 30 days"));
            }
        }
        return flags;
    }

    private static CaseFlag flag(Severity severity, PlannedImaging p, Evidence lab, String summary) {
        return new CaseFlag(FlagType.CONTRAST_RENAL_RISK, severity, "eGFR", summary,
                List.of(new Evidence("planned procedure", p.description(), p.source()), lab), "SAFETY-CONTRAST-RENAL",
                SOURCE);
    }

    private static boolean isOlderThanRiskAge(PatientCase c) {
        return c.demographics() != null && c.demographics().ageAtDiagnosisYears() != null
                && c.demographics().ageAtDiagnosisYears() > RISK_AGE_YEARS;
    }

    private static boolean recent(Optional<LabResult> egfr, LocalDate planned) {
        if (egfr.isEmpty()) {
            return false;
        }
        LocalDate measured = egfr.get().date();
        return measured != null && (planned == null || ChronoUnit.DAYS.between(measured, planned) <= RECENT_DAYS);
    }

    private static Optional<LabResult> latestBefore(List<LabResult> labs, LocalDate planned) {
        return labs.stream().filter(ContrastRenalCheck::isEgfr)
                .filter(l -> planned == null || l.date() == null || !l.date().isAfter(planned))
                .max(Comparator.comparing(LabResult::date, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    static boolean isEgfr(LabResult lab) {
        if (lab.loincCode() != null && EGFR_LOINC.contains(lab.loincCode().strip())) {
            return true;
        }
        String name = lab.name() == null ? "" : lab.name().toLowerCase(Locale.ROOT);
        return name.contains("egfr") && !name.contains("mutation") || name.contains("glomerular filtration");
    }

    static double mlPerMinute(LabResult lab) {
        String unit = lab.unit() == null ? "" : lab.unit().toLowerCase(Locale.ROOT);
        return unit.contains("ml/s") ? lab.value() * 60 : lab.value();
    }
}
