/**
 * Folds a patient's fragments into one multimodal case. Two keyed stages: {@link
 * io.tumorboard.pipeline.assembly.PatientLinker}, keyed by the FHIR Patient resource id, holds resources until
 * their Patient (and so the MRN and pseudonymous key) is seen; {@link io.tumorboard.pipeline.assembly.CaseAssembler},
 * keyed by the pseudonymous case key, keeps every fragment of the patient and emits a new case version on each
 * change (or once at the end of a bounded export), with the clinical rules' flags attached.
 *
 * <p>Data that never arrives: a fragment whose Patient is not in the export waits, at most until the end of a
 * bounded input (an event-time timer at {@code Long.MAX_VALUE}, which Flink fires when a bounded source ends) or,
 * in continuous mode, for the configured patient wait (a processing-time timer), and is then rejected into dead
 * letters as {@code MISSING_PATIENT}. A case whose imaging or pathology never arrives is emitted anyway with that
 * modality marked absent in {@code modalities}: absence is stated, never guessed.
 */
package io.tumorboard.pipeline.assembly;
