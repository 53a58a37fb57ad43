package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.rules.staging.TnmCategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One source's statement of a T, N or M category: a structured staging Observation, or a value read from a
 * pathology or radiology report's text. Values that are no category at all are kept out (and counted by the
 * caller), never compared as strings.
 */
record StageStatement(StageBasis basis, char descriptor, String value, AjccEdition edition, LocalDate date,
        SourceRef source, String origin) {

    Evidence evidence() {
        return new Evidence(basisWord(basis) + " " + descriptor + " (" + origin + ")", value, source);
    }

    static String basisWord(StageBasis basis) {
        return switch (basis) {
            case CLINICAL -> "clinical";
            case PATHOLOGICAL -> "pathological";
            case POST_THERAPY -> "post-therapy";
        };
    }

    /** Every T, N and M statement of a case, structured ones first. */
    static List<StageStatement> of(PatientCase c) {
        List<StageStatement> statements = new ArrayList<>();
        for (StageObservation o : c.staging()) {
            if (o.descriptor() == StageDescriptor.GROUP || o.basis() == null || o.source() == null) {
                continue;
            }
            char d = o.descriptor().name().charAt(0);
            TnmCategory.normalise(d, o.value()).ifPresent(v -> statements.add(new StageStatement(o.basis(), d, v,
                    o.edition(), o.date(), o.source(), "structured")));
        }
        c.pathology().forEach(r -> r.facts().forEach(f -> fromFact(f, r.text(), r.date(), r.source(),
                "pathology report text").ifPresent(statements::add)));
        c.imaging().forEach(s -> s.facts().forEach(f -> fromFact(f, s.reportText(), s.date(), s.source(),
                "radiology report text").ifPresent(statements::add)));
        return statements;
    }

    /** "y" (AJCC 8th ch. 1) before a category in its AJCC form: ypT1c, yc N0, "ypT1c, N1" in one run. */
    private static final Pattern Y_PREFIX = Pattern.compile("(?i)(?<![a-z])y[pc]\\s?[tnm]");

    /**
     * Whether the report writes the category with the post-therapy prefix: extractors give the category alone
     * (T1c) and point at where it was written, so the prefix is read from the text at and just before that span.
     */
    static boolean writtenWithYPrefix(String text, int start, int end) {
        if (text == null || start < 0 || end > text.length() || start >= end) {
            return false;
        }
        return Y_PREFIX.matcher(text.substring(Math.max(0, start - 3), end)).find();
    }

    private static Optional<StageStatement> fromFact(ExtractedFact f, String text, LocalDate date, SourceRef report,
            String origin) {
        if (f.negated() || report == null) {
            return Optional.empty();
        }
        StageBasis basis;
        char d;
        switch (f.field()) {
            case PATHOLOGICAL_T, PATHOLOGICAL_N, PATHOLOGICAL_M -> basis = StageBasis.PATHOLOGICAL;
            case CLINICAL_T, CLINICAL_N, CLINICAL_M -> basis = StageBasis.CLINICAL;
            default -> {
                return Optional.empty();
            }
        }
        String name = f.field().name();
        d = name.charAt(name.length() - 1);
        if (f.value() != null && f.value().strip().toLowerCase(Locale.ROOT).startsWith("y")
                || writtenWithYPrefix(text, f.start(), f.end())) {
            basis = StageBasis.POST_THERAPY; // ypT / ycT written in the text: staged after neoadjuvant therapy
        }
        SourceRef span = new SourceRef(SourceRef.SourceKind.REPORT_TEXT,
                report.reference() + "#" + f.start() + "-" + f.end(), date);
        final StageBasis b = basis;
        return TnmCategory.normalise(d, f.value()).map(v -> new StageStatement(b, d, v, AjccEdition.UNKNOWN, date,
                span, origin));
    }
}
