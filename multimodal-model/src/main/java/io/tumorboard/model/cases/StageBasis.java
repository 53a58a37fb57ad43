package io.tumorboard.model.cases;

/** Whether a stage was assigned before treatment from all evidence (clinical, cTNM) or after resection (pTNM). */
public enum StageBasis {
    CLINICAL,
    PATHOLOGICAL,
    /** Post-neoadjuvant (yp) staging: expected to differ from the clinical stage. */
    POST_THERAPY
}
