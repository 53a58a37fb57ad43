/**
 * Reading the site's case store: the tables the pipeline writes (schema in multimodal-model's
 * {@code db/casestore}), decoded with the shared {@link io.tumorboard.model.cases.CaseCodec}. The workbench never
 * writes a case; it only migrates both schemas at start (the case store's under its own history table) so a
 * fresh site can start the workbench before the pipeline's first run.
 */
package io.tumorboard.board.store;
