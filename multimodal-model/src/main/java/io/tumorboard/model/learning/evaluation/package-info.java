/**
 * How a model is judged: patient-level folds stratified by event, the 70/15/15 training run behind a model
 * package, k-fold comparison of single modalities, concatenation and gated fusion on the same folds (with
 * each modality removed at test time), and the metrics with bootstrap intervals overall and by site, sex and
 * age band. Nothing here tunes anything: it measures and reports.
 */
package io.tumorboard.model.learning.evaluation;
