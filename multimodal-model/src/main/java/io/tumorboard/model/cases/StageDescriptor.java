package io.tumorboard.model.cases;

/** Which part of a TNM stage an observation documents. */
public enum StageDescriptor {
    T,
    N,
    M,
    GROUP
}
