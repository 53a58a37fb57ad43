package io.tumorboard.model.learning.features;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stage a case documents, read from its stage observations: pathological before clinical (pTNM is the
 * more complete evidence after resection, AJCC 8th ed., ch. 1), the latest observation of a basis winning.
 * Post-therapy (yp) stages are not used: they describe the tumour after treatment, not at diagnosis.
 *
 * <p>Until the rules engineer's staging API lands in {@code io.tumorboard.model.rules}, the stage group is the
 * documented stage-group observation as written, not regrouped from T, N and M.
 */
public final class DocumentedStage {

    /** T categories the stage heads learn: T1 to T4 (T0, Tis and TX are not predicted). */
    public static final int T_CLASSES = 4;

    private DocumentedStage() {
    }

    public static Optional<StageObservation> observation(PatientCase c, StageDescriptor descriptor) {
        for (StageBasis basis : new StageBasis[] {StageBasis.PATHOLOGICAL, StageBasis.CLINICAL}) {
            Optional<StageObservation> found = c.staging().stream()
                    .filter(o -> o.basis() == basis && o.descriptor() == descriptor && o.value() != null)
                    .max(Comparator.comparing(o -> o.date() == null ? java.time.LocalDate.MIN : o.date()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
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

    /** The documented T as a class index 0..3 for T1..T4, empty when T is unknown, T0, Tis or TX. */
    public static OptionalInt tClass(PatientCase c) {
        Optional<StageObservation> t = observation(c, StageDescriptor.T);
        if (t.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalInt ordinal = ordinal(t.get().value());
        if (ordinal.isEmpty() || ordinal.getAsInt() < 1 || ordinal.getAsInt() > T_CLASSES) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ordinal.getAsInt() - 1);
    }
}
