/**
 * Survival bookkeeping shared by training and evaluation: the discrete interval grid (labels with censoring,
 * survival curves from hazards) and the Kaplan–Meier estimator used for observed survival and for the
 * censoring weights of the IPCW metrics.
 */
package io.tumorboard.model.learning.survival;
