package io.tumorboard.board.casefile;

import java.time.LocalDate;

/**
 * RECIST 1.1 at one imaging time point.
 *
 * @param date the study date
 * @param studyId the study
 * @param sumMm sum of target-lesion diameters (long axis; short axis for nodes), mm
 * @param changeFromBaselinePct change of the sum against the baseline, %
 * @param changeFromNadirPct change against the smallest earlier sum, %
 * @param response CR, PR, SD, PD, or {@code baseline}
 * @param documented the response the report states, null if none
 */
public record RecistTimePoint(LocalDate date, String studyId, double sumMm, Double changeFromBaselinePct,
        Double changeFromNadirPct, String response, String documented) {
}
