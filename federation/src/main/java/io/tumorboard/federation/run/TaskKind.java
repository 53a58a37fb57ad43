package io.tumorboard.federation.run;

/** What a site is asked to do next. */
public enum TaskKind {
    TRAIN, EVALUATE, WAIT, DONE
}
