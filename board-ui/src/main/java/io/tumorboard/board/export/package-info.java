/**
 * Exports: a meeting's minutes as PDF (OpenPDF) and each decision as a FHIR R4 bundle built with HAPI FHIR: the
 * case's stage as mCODE TNM Observations (the AJCC edition as {@code Observation.method}), the board's
 * assessment as a ClinicalImpression and the recommendation as a CarePlan. Only signed decisions are exported
 * as final; drafts are marked as such.
 */
package io.tumorboard.board.export;
