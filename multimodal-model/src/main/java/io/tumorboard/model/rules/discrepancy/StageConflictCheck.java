package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.rules.staging.TnmCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conflicting T, N or M values, told apart by what a board can act on.
 *
 * <p>Clinical and pathological stage differ in a large share of resected cases, because the resection shows
 * what imaging could not: flagging every such case as a conflict would bury the real ones. So a pathological
 * (or post-therapy, yp) value that differs from the clinical one is {@link FlagType#EXPECTED_RESTAGING} (INFO)
 * when a resection or therapy on record took place between the two stagings ({@link CourseOfCare}), or when it
 * is post-therapy staging. The same difference is a {@link FlagType#CLINICAL_PATHOLOGICAL_STAGE_CONFLICT} when
 * nothing in the record explains it: the pathological value is dated on or before the clinical one (the clinical
 * stage was written knowing the pathology), a date is missing, or dated treatments are on record and none lies
 * between. A record without any dated treatment falls back on the order of the dates alone. Two sources of the same basis that disagree (two clinical T values; the
 * pathology report's pT against the structured pT) are always a conflict. A less specific value (T2 against
 * T2a) or an unknown one (TX) contradicts nothing. Severity is critical when the two values give different
 * stage groups, or for M.
 */
final class StageConflictCheck implements CaseCheck {

    static final String SOURCE = "AJCC Cancer Staging Manual, 8th ed., ch. 1 (clinical, pathological and "
            + "post-therapy classification) and ch. 36 Lung";

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<StageStatement> statements = StageStatement.of(c);
        CourseOfCare care = CourseOfCare.of(c);
        List<CaseFlag> flags = new ArrayList<>();
        for (char d : new char[] {'T', 'N', 'M'}) {
            for (StageBasis basis : StageBasis.values()) {
                sameBasisConflict(statements, basis, d).ifPresent(flags::add);
            }
            crossBasis(statements, d, care).ifPresent(flags::add);
        }
        return flags;
    }

    private Optional<CaseFlag> sameBasisConflict(List<StageStatement> all, StageBasis basis, char d) {
        List<StageStatement> same = all.stream().filter(s -> s.basis() == basis && s.descriptor() == d).toList();
        for (int i = 0; i < same.size(); i++) {
            for (int j = i + 1; j < same.size(); j++) {
                StageStatement a = same.get(i);
                StageStatement b = same.get(j);
                if (!TnmCategory.compatible(a.value(), b.value())) {
                    String word = StageStatement.basisWord(basis);
                    return Optional.of(new CaseFlag(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT,
                            StageImpact.severity(all, a, b), d + "",
                            "Two " + word + " " + d + " values disagree: " + a.value() + " (" + a.origin() + ") vs "
                                    + b.value() + " (" + b.origin() + ")",
                            List.of(a.evidence(), b.evidence()), "STAGE-SAME-BASIS-" + d, SOURCE));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<CaseFlag> crossBasis(List<StageStatement> all, char d, CourseOfCare care) {
        List<StageStatement> clinical = all.stream()
                .filter(s -> s.basis() == StageBasis.CLINICAL && s.descriptor() == d).toList();
        List<StageStatement> later = all.stream()
                .filter(s -> s.basis() != StageBasis.CLINICAL && s.descriptor() == d).toList();
        CaseFlag expected = null;
        for (StageStatement c : clinical) {
            for (StageStatement p : later) {
                if (TnmCategory.compatible(c.value(), p.value())) {
                    continue;
                }
                Optional<Treatment> between = care.between(c.date(), p.date());
                if (explainedByCourseOfCare(c, p, care, between)) {
                    if (expected == null) {
                        expected = restaging(d, c, p, between);
                    }
                } else {
                    return Optional.of(new CaseFlag(FlagType.CLINICAL_PATHOLOGICAL_STAGE_CONFLICT,
                            StageImpact.severity(all, c, p), d + "",
                            "Clinical " + d + " " + c.value() + " and " + StageStatement.basisWord(p.basis()) + " " + d
                                    + " " + p.value() + " differ with nothing in the record to explain it ("
                                    + unexplainedBecause(c, p) + ")",
                            List.of(c.evidence(), p.evidence()), "STAGE-CP-" + d, SOURCE));
                }
            }
        }
        return Optional.ofNullable(expected);
    }

    /**
     * Post-therapy (y) staging is re-staging by definition: the prefix itself records that therapy came first.
     * A pathological stage is explained by a resection or therapy between the two stagings when the record
     * holds dated treatments, and only by the order of the dates when it holds none.
     */
    private static boolean explainedByCourseOfCare(StageStatement clinical, StageStatement later, CourseOfCare care,
            Optional<Treatment> between) {
        if (later.basis() == StageBasis.POST_THERAPY) {
            return true;
        }
        if (care.known()) {
            return between.isPresent();
        }
        return clinical.date() != null && later.date() != null && later.date().isAfter(clinical.date());
    }

    private static CaseFlag restaging(char d, StageStatement c, StageStatement p, Optional<Treatment> between) {
        String after = between.map(t -> " after " + CourseOfCare.words(t.kind()) + " on " + t.start())
                .orElse(p.basis() == StageBasis.POST_THERAPY ? " after therapy" : " after resection");
        List<Evidence> evidence = new ArrayList<>(List.of(c.evidence(), p.evidence()));
        between.ifPresent(t -> evidence.add(CourseOfCare.evidence(t)));
        return new CaseFlag(FlagType.EXPECTED_RESTAGING, Severity.INFO, d + "",
                "Clinical " + d + " " + c.value() + " re-staged as " + StageStatement.basisWord(p.basis()) + " "
                        + p.value() + after,
                evidence, "STAGE-RESTAGING-" + d, SOURCE);
    }

    private static String unexplainedBecause(StageStatement c, StageStatement p) {
        if (c.date() == null || p.date() == null) {
            return "a date is missing";
        }
        if (!p.date().isAfter(c.date())) {
            return "the " + StageStatement.basisWord(p.basis()) + " value is not dated after the clinical one";
        }
        return "no resection or therapy on record between " + c.date() + " and " + p.date();
    }
}
