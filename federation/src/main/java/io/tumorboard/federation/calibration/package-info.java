/**
 * A federated model's calibration table, built from aggregates only. Central evaluation sorts held-out cases by
 * predicted 3-year risk and cuts them into equal-size groups ({@code SurvivalEvaluation.calibration}); a
 * coordinator cannot sort cases it never sees, so the table is built in two exchanges with the sites:
 * <ol>
 *   <li>each site sends a histogram of its held-out cases' predicted 3-year risk on {@link RiskBins} (counts);
 *       the coordinator pools them and cuts the pooled ranks into groups as the central table does, at bin
 *       edges ({@link CalibrationPlan});</li>
 *   <li>each site sends, per group, its case count, the sum of predicted risk and a monthly life table (events
 *       and censorings per interval to 3 years, {@link GroupAggregate}); the coordinator sums them and reads the
 *       observed 3-year risk from the pooled actuarial life table ({@link PooledCalibration}).</li>
 * </ol>
 * Nothing here holds one patient's value on the coordinator's side; {@link HeldOutRisk} exists only at a site.
 */
package io.tumorboard.federation.calibration;
