package io.tumorboard.federation.calibration;

/**
 * One held-out case as a site sees it when it builds its calibration aggregates. Patient-level: it never leaves
 * the site; only the counts and sums built from it do.
 *
 * @param predictedRisk the model's predicted probability of death within 3 years
 * @param timeDays observed follow-up, days
 * @param death whether death was observed at {@code timeDays}
 */
public record HeldOutRisk(double predictedRisk, double timeDays, boolean death) {
}
