/**
 * Speed figures (training examples/s, single-case latency, achieved vs peak GFLOP/s) and the synthetic cohort
 * they run on when no real data is given. Figures are printed, never asserted.
 */
package io.tumorboard.model.learning.bench;
