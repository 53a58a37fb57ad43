/**
 * The demo cohort generator: {@code generate-cohort} writes, for several simulated hospitals, what a hospital
 * would really export for its NSCLC patients (FHIR R4 Bulk Data NDJSON with mCODE-style staging, pyradiomics
 * tables, pathology and radiology text in each hospital's own style with OCR noise), and beside it the truth a
 * test or an evaluation needs: each patient's latent state, every injected discrepancy and malformed record, and
 * the case a perfect pipeline would assemble. The sites differ on purpose (age and stage mix, scanner shift,
 * report style, missing modalities), and survival is drawn from a documented Weibull model in which clinical,
 * imaging and pathology-only findings each carry their own signal. Same seed, same bytes. The product never
 * reads {@code truth/}.
 */
package io.tumorboard.pipeline.cohort;
