package io.tumorboard.model.cases;

/** Side of a paired organ, as SNOMED CT's laterality qualifiers distinguish them. */
public enum Laterality {
    LEFT,
    RIGHT,
    BILATERAL,
    UNKNOWN
}
