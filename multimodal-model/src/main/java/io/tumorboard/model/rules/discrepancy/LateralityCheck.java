package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The side of the primary as the Condition (laterality and body site), the radiology text and the pathology
 * text state it. Left in one source and right in another is critical: it is the error behind wrong-site
 * surgery and wrong-side radiotherapy (Joint Commission Universal Protocol). Bilateral or unknown contradicts
 * nothing.
 */
final class LateralityCheck implements CaseCheck {

    static final String SOURCE = "The Joint Commission, Universal Protocol for Preventing Wrong Site, Wrong "
            + "Procedure, Wrong Person Surgery (site marking and verification of laterality)";

    private record Side(Laterality side, Evidence evidence) {
    }

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<Side> sides = new ArrayList<>();
        PrimaryCancer primary = c.primaryCancer();
        if (primary != null && primary.source() != null) {
            if (primary.laterality() == Laterality.LEFT || primary.laterality() == Laterality.RIGHT) {
                sides.add(new Side(primary.laterality(),
                        new Evidence("condition laterality", primary.laterality().name(), primary.source())));
            }
            parse(primary.bodySite()).ifPresent(side -> sides.add(new Side(side,
                    new Evidence("condition body site", primary.bodySite(), primary.source()))));
        }
        c.imaging().forEach(s -> s.facts().forEach(f -> fromFact(f, s.date(), s.source(), "radiology report laterality")
                .ifPresent(sides::add)));
        c.pathology().forEach(r -> r.facts().forEach(f -> fromFact(f, r.date(), r.source(), "pathology report laterality")
                .ifPresent(sides::add)));
        Optional<Side> left = sides.stream().filter(s -> s.side() == Laterality.LEFT).findFirst();
        Optional<Side> right = sides.stream().filter(s -> s.side() == Laterality.RIGHT).findFirst();
        if (left.isEmpty() || right.isEmpty()) {
            return List.of();
        }
        return List.of(new CaseFlag(FlagType.LATERALITY_CONFLICT, Severity.CRITICAL, "laterality",
                "The primary is on the left in " + left.get().evidence().label() + " but on the right in "
                        + right.get().evidence().label(),
                List.of(left.get().evidence(), right.get().evidence()), "LATERALITY", SOURCE));
    }

    private static Optional<Side> fromFact(ExtractedFact f, LocalDate date, SourceRef report, String label) {
        if (f.field() != ReportField.LATERALITY || f.negated() || report == null) {
            return Optional.empty();
        }
        SourceRef span = new SourceRef(SourceRef.SourceKind.REPORT_TEXT,
                report.reference() + "#" + f.start() + "-" + f.end(), date);
        return parse(f.value()).map(side -> new Side(side, new Evidence(label, f.value(), span)));
    }

    /** LEFT or RIGHT from a value or body-site text; empty for bilateral, unknown or no side. */
    static Optional<Laterality> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        boolean left = t.equals("l") || t.matches(".*\\bleft\\b.*");
        boolean right = t.equals("r") || t.matches(".*\\bright\\b.*");
        if (left == right) {
            return Optional.empty();
        }
        return Optional.of(left ? Laterality.LEFT : Laterality.RIGHT);
    }
}
