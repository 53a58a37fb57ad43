package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.rules.staging.StageGroupName;
import io.tumorboard.model.rules.staging.StageGrouping;
import io.tumorboard.model.rules.staging.StageResult;
import io.tumorboard.model.rules.staging.StageResult.CannotStage;
import io.tumorboard.model.rules.staging.StageResult.Staged;
import io.tumorboard.model.rules.staging.TnmCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A documented stage group checked against its own T, N and M, under its own edition.
 *
 * <p>Wrong under its own edition but right under another one is {@link FlagType#STAGE_EDITION_MISMATCH}
 * (WARNING: the group is probably right and labelled with the wrong manual, e.g. an 8th-edition IIB tagged 7th);
 * right under none is {@link FlagType#STAGE_GROUP_INCONSISTENT} (CRITICAL: the group on record is wrong). A
 * group without a known edition is never regrouped: it is flagged inconsistent only when no edition at all
 * gives it. A coarser group ({@code IA} for {@code IA2}) agrees. When the T, N or M cannot be staged together
 * (TX, an invalid combination) there is nothing to contradict, and no flag.
 */
final class StageGroupCheck implements CaseCheck {

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<CaseFlag> flags = new ArrayList<>();
        for (StageObservation group : c.staging()) {
            if (group.descriptor() != StageDescriptor.GROUP || group.source() == null) {
                continue;
            }
            Optional<String> documented = StageGroupName.normalise(group.value());
            Optional<StageObservation> t = component(c, group, StageDescriptor.T);
            Optional<StageObservation> n = component(c, group, StageDescriptor.N);
            Optional<StageObservation> m = component(c, group, StageDescriptor.M);
            if (documented.isEmpty() || t.isEmpty() || n.isEmpty() || m.isEmpty()) {
                continue;
            }
            check(group, documented.get(), t.get(), n.get(), m.get()).ifPresent(flags::add);
        }
        return flags;
    }

    private Optional<CaseFlag> check(StageObservation group, String documented, StageObservation t, StageObservation n,
            StageObservation m) {
        AjccEdition own = group.edition() == null ? AjccEdition.UNKNOWN : group.edition();
        Verdict verdict = verdict(own, documented, t, n, m);
        if (verdict == Verdict.AGREES) {
            return Optional.empty();
        }
        List<AjccEdition> agreeing = StageGrouping.editions().stream().filter(e -> e != own)
                .filter(e -> verdict(e, documented, t, n, m) == Verdict.AGREES).sorted().toList();
        List<Evidence> evidence = new ArrayList<>(List.of(
                new Evidence("documented stage group (AJCC " + own.label() + ")", group.value(), group.source()),
                new Evidence("T", t.value(), t.source()), new Evidence("N", n.value(), n.source()),
                new Evidence("M", m.value(), m.source())));
        String tnm = t.value() + " " + n.value() + " " + m.value();
        if (own == AjccEdition.UNKNOWN) {
            if (!agreeing.isEmpty() || verdict != Verdict.CONTRADICTS) {
                return Optional.empty();
            }
            return Optional.of(new CaseFlag(FlagType.STAGE_GROUP_INCONSISTENT, Severity.WARNING, "stage group",
                    "Stage " + documented + " (edition not recorded) is not the group of " + tnm + " under any AJCC edition",
                    evidence, "STAGE-GROUP-UNKNOWN-EDITION", "AJCC Cancer Staging Manual, 6th-9th ed., lung"));
        }
        if (!agreeing.isEmpty()) {
            AjccEdition other = agreeing.get(0);
            evidence.add(new Evidence("group under AJCC " + other.label(), documented,
                    new SourceRef(SourceRef.SourceKind.DERIVED, "StageGrouping " + other.label(), group.date())));
            return Optional.of(new CaseFlag(FlagType.STAGE_EDITION_MISMATCH, Severity.WARNING, "stage group",
                    "Stage " + documented + " is labelled AJCC " + own.label() + " but is the group of " + tnm
                            + " under the " + other.label() + " edition, not the " + own.label(),
                    evidence, "STAGE-EDITION", StageGrouping.source(own).orElseThrow() + "; "
                            + StageGrouping.source(other).orElseThrow()));
        }
        if (verdict != Verdict.CONTRADICTS) {
            return Optional.empty();
        }
        StageResult computed = StageGrouping.group(own, t.value(), n.value(), m.value());
        evidence.add(new Evidence("group computed under AJCC " + own.label(), describe(computed),
                new SourceRef(SourceRef.SourceKind.DERIVED, "StageGrouping " + own.label(), group.date())));
        return Optional.of(new CaseFlag(FlagType.STAGE_GROUP_INCONSISTENT, Severity.CRITICAL, "stage group",
                "Stage " + documented + " contradicts its own " + tnm + ", which is " + describe(computed)
                        + " under the AJCC " + own.label() + " edition",
                evidence, "STAGE-GROUP", StageGrouping.source(own).orElseThrow()));
    }

    private enum Verdict { AGREES, CONTRADICTS, NO_VERDICT }

    private static Verdict verdict(AjccEdition edition, String documented, StageObservation t, StageObservation n,
            StageObservation m) {
        if (edition == AjccEdition.UNKNOWN) {
            // No edition to judge by: contradicted only when some edition can judge and none gives the group.
            boolean anyAgrees = false;
            boolean anyContradicts = false;
            for (AjccEdition e : StageGrouping.editions()) {
                Verdict v = verdict(e, documented, t, n, m);
                anyAgrees |= v == Verdict.AGREES;
                anyContradicts |= v == Verdict.CONTRADICTS;
            }
            return anyAgrees || !anyContradicts ? Verdict.NO_VERDICT : Verdict.CONTRADICTS;
        }
        StageResult result = StageGrouping.group(edition, t.value(), n.value(), m.value());
        if (result instanceof Staged s) {
            return StageGroupName.agrees(documented, s.group()) ? Verdict.AGREES : Verdict.CONTRADICTS;
        }
        CannotStage cannot = (CannotStage) result;
        if (cannot.candidateGroups().isEmpty()) {
            return Verdict.NO_VERDICT;
        }
        boolean possible = cannot.candidateGroups().stream().anyMatch(g -> StageGroupName.agrees(documented, g)
                || StageGroupName.agrees(g, documented) || StageGroupName.numeral(g).equals(documented));
        return possible ? Verdict.AGREES : cannot.candidatesComplete() ? Verdict.CONTRADICTS : Verdict.NO_VERDICT;
    }

    /** The T, N or M of the same basis that goes with a group: same date first, else the latest not after it. */
    private static Optional<StageObservation> component(PatientCase c, StageObservation group, StageDescriptor d) {
        List<StageObservation> candidates = c.staging().stream()
                .filter(o -> o.basis() == group.basis() && o.descriptor() == d && o.source() != null)
                .filter(o -> TnmCategory.normalise(d.name().charAt(0), o.value()).isPresent())
                .toList();
        Optional<StageObservation> sameDate = candidates.stream()
                .filter(o -> o.date() != null && o.date().equals(group.date())).findFirst();
        if (sameDate.isPresent()) {
            return sameDate;
        }
        if (candidates.stream().map(StageObservation::value).distinct().count() == 1) {
            return Optional.of(candidates.get(0));
        }
        return candidates.stream()
                .filter(o -> o.date() != null && group.date() != null && !o.date().isAfter(group.date()))
                .max(Comparator.comparing(StageObservation::date));
    }

    private static String describe(StageResult result) {
        return result instanceof Staged s ? s.group() : "not stageable (" + ((CannotStage) result).explanation() + ")";
    }
}
