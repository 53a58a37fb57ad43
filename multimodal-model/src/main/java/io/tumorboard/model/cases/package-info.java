/**
 * The multimodal patient case: what the pipeline assembles per patient and what the board sees.
 *
 * <p>Everything here is a plain Java record, free of ND4J/DL4J and of any framework but Jackson's
 * annotations, so that the pipeline, the federation site node and the workbench share one schema.
 * {@link io.tumorboard.model.cases.PatientCase} is the root; {@link io.tumorboard.model.cases.CaseCodec}
 * reads and writes it as JSON lines behind a versioned header. Units travel in the field names
 * ({@code followUpDays}, {@code sizeMm}) so no number is ever read in the wrong unit. Every fact that
 * came from somewhere carries a {@link io.tumorboard.model.cases.SourceRef} naming the FHIR resource,
 * document or table row it came from, because the board must always see where a value came from.
 */
package io.tumorboard.model.cases;
