/**
 * Measuring the clinical rules against a cohort's truth: {@code evaluate-flags} reads case JSON-lines files,
 * runs {@link io.tumorboard.model.rules.ClinicalRules} on each case and prints TP, FP, FN, precision and recall
 * per flag type, for all structured discrepancies together and for all safety flags together.
 *
 * <p>{@link io.tumorboard.model.rules.evaluation.FlagEvaluation} does the scoring and is what the tests build;
 * the picocli command only reads files and prints. Expected re-staging lines in the truth are background (the
 * course of care, not a discrepancy) and are reported, not scored.
 */
package io.tumorboard.model.rules.evaluation;
