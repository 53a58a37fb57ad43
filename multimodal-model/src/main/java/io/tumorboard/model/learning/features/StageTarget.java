package io.tumorboard.model.learning.features;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageDescriptor;
import java.util.OptionalInt;

/**
 * A stage descriptor a modality's stage head learns, with four classes each: T1–T4, N0–N3, stage group I–IV.
 * T0, Tis, TX, NX and group 0 or occult are not predicted (too rare to learn, and not a contradiction to flag).
 * M is not learned: neither a primary-tumour radiomics vector nor a resection report sees distant disease.
 */
public enum StageTarget {
    T(StageDescriptor.T, 1),
    N(StageDescriptor.N, 0),
    GROUP(StageDescriptor.GROUP, 1);

    /** Classes per head. */
    public static final int CLASSES = 4;

    private final StageDescriptor descriptor;
    private final int firstOrdinal;

    StageTarget(StageDescriptor descriptor, int firstOrdinal) {
        this.descriptor = descriptor;
        this.firstOrdinal = firstOrdinal;
    }

    public StageDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The class a head is trained towards: the documented T or N (pathological before clinical), and for the
     * group the rules' grouping of the documented T, N and M ({@link DocumentedStage#stageGroupOrdinal}).
     */
    public OptionalInt label(PatientCase c) {
        if (this == GROUP) {
            return toClass(DocumentedStage.stageGroupOrdinal(c));
        }
        return DocumentedStage.observation(c, descriptor).map(o -> classOf(o.value())).orElse(OptionalInt.empty());
    }

    /** A documented value ({@code T2a}, {@code pN1}, {@code IIIA}) as a class index, empty when not predicted. */
    public OptionalInt classOf(String value) {
        return toClass(this == GROUP ? DocumentedStage.groupOrdinal(value) : DocumentedStage.ordinal(value));
    }

    /** The class index as a category name: {@code T3}, {@code N0}, {@code III}. */
    public String name(int classIndex) {
        int ordinal = classIndex + firstOrdinal;
        return this == GROUP ? new String[] {"I", "II", "III", "IV"}[classIndex] : name() + ordinal;
    }

    private OptionalInt toClass(OptionalInt ordinal) {
        if (ordinal.isEmpty() || ordinal.getAsInt() < firstOrdinal || ordinal.getAsInt() >= firstOrdinal + CLASSES) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ordinal.getAsInt() - firstOrdinal);
    }
}
