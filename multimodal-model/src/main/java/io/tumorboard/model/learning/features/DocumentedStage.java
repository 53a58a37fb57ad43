package io.tumorboard.model.learning.features;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.rules.staging.StageGrouping;
import io.tumorboard.model.rules.staging.StageResult;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stage a case documents, read from its stage observations: pathological before clinical (pTNM is the
 * more complete evidence after resection, AJCC 8th ed., ch. 1), the latest observation of a basis winning.
 * Post-therapy (yp) stages are not used: they describe the tumour after treatment, not at diagnosis.
 *
 * <p>The stage group is computed from the documented T, N and M with the rules module's
 * {@link StageGrouping} under their own edition (never a guessed one); only when that cannot stage them (an
 * unknown edition, a missing or unsubdivided category) is the documented stage-group observation used.
 */
public final class DocumentedStage {

    private DocumentedStage() {
    }

    public static Optional<StageObservation> observation(PatientCase c, StageDescriptor descriptor) {
        for (StageBasis basis : new StageBasis[] {StageBasis.PATHOLOGICAL, StageBasis.CLINICAL}) {
            Optional<StageObservation> found = latest(c, descriptor, basis);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The latest documented value of one descriptor and basis. */
    public static Optional<StageObservation> latest(PatientCase c, StageDescriptor descriptor, StageBasis basis) {
        return c.staging().stream()
                .filter(o -> o.basis() == basis && o.descriptor() == descriptor && o.value() != null)
                .max(Comparator.comparing(o -> o.date() == null ? java.time.LocalDate.MIN : o.date()));
    }

    /** The ordinal of a T, N or M category ({@code T2a} → 2, {@code Tis} → 0, {@code M1b} → 1), empty for X. */
    public static OptionalInt ordinal(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.length() > 1 && "TNMP".indexOf(v.charAt(0)) >= 0 && v.charAt(0) == 'P') {
            v = v.substring(1);
        }
        if (!v.isEmpty() && "TNM".indexOf(v.charAt(0)) >= 0) {
            v = v.substring(1);
        }
        if (v.startsWith("IS")) {
            return OptionalInt.of(0);
        }
        if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
            return OptionalInt.of(v.charAt(0) - '0');
        }
        return OptionalInt.empty();
    }

    /** The main stage group as a number: 0, I → 1, II → 2, III → 3, IV → 4; empty when unreadable. */
    public static OptionalInt groupOrdinal(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace("STAGE", "").trim();
        if (v.startsWith("IV")) {
            return OptionalInt.of(4);
        }
        if (v.startsWith("III")) {
            return OptionalInt.of(3);
        }
        if (v.startsWith("II")) {
            return OptionalInt.of(2);
        }
        if (v.startsWith("I")) {
            return OptionalInt.of(1);
        }
        if (v.startsWith("0")) {
            return OptionalInt.of(0);
        }
        return OptionalInt.empty();
    }

    /**
     * The stage group as a number (see {@link #groupOrdinal}): grouped from the documented T, N and M of one
     * basis and edition when {@link StageGrouping} can, else the documented group; empty when neither exists.
     */
    public static OptionalInt stageGroupOrdinal(PatientCase c) {
        Optional<StageObservation> t = observation(c, StageDescriptor.T);
        Optional<StageObservation> n = observation(c, StageDescriptor.N);
        Optional<StageObservation> m = observation(c, StageDescriptor.M);
        if (t.isPresent() && n.isPresent() && m.isPresent() && t.get().edition() == n.get().edition()
                && t.get().edition() == m.get().edition() && t.get().edition() != AjccEdition.UNKNOWN
                && t.get().basis() == n.get().basis() && t.get().basis() == m.get().basis()) {
            StageResult result = StageGrouping.group(t.get().edition(), t.get().value(), n.get().value(),
                    m.get().value());
            if (result instanceof StageResult.Staged staged && !StageGrouping.OCCULT.equals(staged.group())) {
                OptionalInt grouped = groupOrdinal(staged.group());
                if (grouped.isPresent()) {
                    return grouped;
                }
            }
        }
        return observation(c, StageDescriptor.GROUP).map(o -> groupOrdinal(o.value())).orElse(OptionalInt.empty());
    }
}
