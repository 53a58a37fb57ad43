package io.tumorboard.model.cases;

/** MR safety labelling of an implanted device, as ASTM F2503 defines the terms. */
public enum MrSafety {
    MR_SAFE,
    MR_CONDITIONAL,
    MR_UNSAFE,
    UNKNOWN
}
