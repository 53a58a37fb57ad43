/**
 * A federated model's calibration table, built from aggregates only, and the secure aggregation that keeps even those
 * aggregates from the coordinator site by site. Central evaluation sorts held-out cases by predicted 3-year risk and
 * cuts them into equal-size groups ({@code SurvivalEvaluation.calibration}); a coordinator cannot sort cases it never
 * sees, so the table is built in two exchanges with the sites:
 * <ol>
 *   <li>each site sends a histogram of its held-out cases' predicted 3-year risk on {@link RiskBins} (counts);
 *       the coordinator pools them and cuts the pooled ranks into groups as the central table does, at bin
 *       edges ({@link CalibrationPlan});</li>
 *   <li>each site sends, per group, its case count, the sum of predicted risk and a monthly life table (events
 *       and censorings per interval to 3 years, {@link GroupAggregate}); the coordinator sums them and reads the
 *       observed 3-year risk from the pooled actuarial life table ({@link PooledCalibration}).</li>
 * </ol>
 * With few held-out cases a site's cell describes one or two patients' outcome month, so neither exchange sends a
 * site's counts in clear. Every pair of participants shares an X25519 secret ({@link MaskingKey}); expanded per
 * exchange into 64-bit masks ({@link PairwiseMask}), the lower site id adds them and the higher subtracts them, so
 * the masks cancel in the sum over all participants and the coordinator, which only adds {@link MaskedCounts} up,
 * learns the sum over sites and nothing per site (Bonawitz et al. 2017, without their secret-shared recovery of
 * a dropped site's masks: the coordinator names the remaining sites in a new {@link MaskedExchange} instead). Masks
 * cancel only on integers: counts are words as they are, the one real number, a group's predicted-risk sum, travels
 * in millionths ({@link CountVector}).
 * <p>
 * There is no table from fewer than two sites that hold held-out cases: the sum of one site's counts is that site's
 * counts. Nothing here holds one patient's value on the coordinator's side; {@link HeldOutRisk} and
 * {@link SiteCalibration} exist only at a site.
 */
package io.tumorboard.federation.calibration;
