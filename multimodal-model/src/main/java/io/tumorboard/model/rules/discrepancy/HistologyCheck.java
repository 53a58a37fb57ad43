package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Histology stated by the Condition (morphology code, histology text) and by each pathology report (histology
 * words, morphology code) must name compatible families. Small cell against non-small cell is critical (the
 * two are treated as different diseases); other conflicts are warnings.
 */
final class HistologyCheck implements CaseCheck {

    static final String SOURCE = "WHO Classification of Tumours: Thoracic Tumours, 5th ed. (2021); ICD-O-3.2";

    private record Stated(HistologyFamily family, Evidence evidence) {
    }

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<Stated> stated = new ArrayList<>();
        PrimaryCancer primary = c.primaryCancer();
        if (primary != null && primary.source() != null) {
            HistologyFamily.fromCode(primary.morphologyCode()).ifPresent(f -> stated.add(new Stated(f,
                    new Evidence("condition morphology", primary.morphologyCode(), primary.source()))));
            HistologyFamily.fromText(primary.histology()).ifPresent(f -> stated.add(new Stated(f,
                    new Evidence("condition histology", primary.histology(), primary.source()))));
        }
        c.pathology().forEach(r -> r.facts().forEach(f -> fromFact(f, r.source(), r.date()).ifPresent(stated::add)));
        for (int i = 0; i < stated.size(); i++) {
            for (int j = i + 1; j < stated.size(); j++) {
                Stated a = stated.get(i);
                Stated b = stated.get(j);
                if (!a.family().compatibleWith(b.family())) {
                    boolean smallCell = (a.family() == HistologyFamily.SMALL_CELL) != (b.family() == HistologyFamily.SMALL_CELL);
                    return List.of(new CaseFlag(FlagType.HISTOLOGY_CONFLICT,
                            smallCell ? Severity.CRITICAL : Severity.WARNING, "histology",
                            "Histology differs: " + words(a.family()) + " (" + a.evidence().label() + ") vs "
                                    + words(b.family()) + " (" + b.evidence().label() + ")",
                            List.of(a.evidence(), b.evidence()), "HISTOLOGY", SOURCE));
                }
            }
        }
        return List.of();
    }

    private static Optional<Stated> fromFact(ExtractedFact f, SourceRef report, java.time.LocalDate date) {
        if (f.negated() || report == null) {
            return Optional.empty();
        }
        SourceRef span = new SourceRef(SourceRef.SourceKind.REPORT_TEXT,
                report.reference() + "#" + f.start() + "-" + f.end(), date);
        return switch (f.field()) {
            case HISTOLOGY -> HistologyFamily.fromText(f.value())
                    .map(family -> new Stated(family, new Evidence("pathology report histology", f.value(), span)));
            case MORPHOLOGY_CODE -> HistologyFamily.fromCode(f.value())
                    .map(family -> new Stated(family, new Evidence("pathology report morphology", f.value(), span)));
            default -> Optional.empty();
        };
    }

    private static String words(HistologyFamily family) {
        return family.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
