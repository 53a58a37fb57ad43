/**
 * Reads pyradiomics feature tables: one row per study, keyed by {@code patient_id} (the MRN), {@code study_date}
 * and {@code study_id}. Columns named {@code diagnostics_*} describe the extraction, not the image, and an
 * unnamed first column is pandas' row index: neither is a feature. Every other cell must be a number; a row with
 * a non-numeric cell is rejected naming the column, never half-kept.
 */
package io.tumorboard.pipeline.radiomics;
