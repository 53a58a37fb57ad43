package io.tumorboard.model.rules.recist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Best overall response (RECIST 1.1 section 4.4): the best time-point response from the start of treatment
 * until progression. SD (or non-CR/non-PD) counts only once the protocol's minimum interval from baseline has
 * passed. With confirmation required (section 4.6, Table 3) a CR needs a later CR, and a PR a later PR or CR,
 * at least the confirmation interval later; an unconfirmed CR or PR then counts as SD if SD's interval is met.
 */
final class BestOverallResponse {

    private BestOverallResponse() {
    }

    static RecistResponse of(LocalDate baselineDate, List<TimePointAssessment> timePoints, RecistOptions options) {
        RecistResponse best = null;
        boolean progressed = false;
        for (int i = 0; i < timePoints.size(); i++) {
            TimePointAssessment point = timePoints.get(i);
            RecistResponse r = point.overall();
            if (r == RecistResponse.PD) {
                progressed = true;
                break;
            }
            RecistResponse counted = counted(baselineDate, timePoints, i, options);
            if (counted != null && (best == null || rank(counted) < rank(best))) {
                best = counted;
            }
        }
        if (best != null) {
            return best;
        }
        return progressed ? RecistResponse.PD : RecistResponse.NE;
    }

    /** What a time point contributes to the best response, or null when it contributes nothing. */
    private static RecistResponse counted(LocalDate baselineDate, List<TimePointAssessment> points, int i,
            RecistOptions options) {
        TimePointAssessment point = points.get(i);
        RecistResponse r = point.overall();
        if (r == RecistResponse.NE) {
            return null;
        }
        if (r == RecistResponse.CR || r == RecistResponse.PR) {
            if (!options.confirmationRequired()) {
                return r;
            }
            if (r == RecistResponse.CR && confirmed(points, i, options.confirmationMinDays(), RecistResponse.CR)) {
                return RecistResponse.CR;
            }
            // Table 3: a CR followed by a PR is at best a confirmed PR.
            if (confirmed(points, i, options.confirmationMinDays(), RecistResponse.PR)) {
                return RecistResponse.PR;
            }
        }
        boolean stableLongEnough = baselineDate == null || point.date() == null
                || ChronoUnit.DAYS.between(baselineDate, point.date()) >= options.stableDiseaseMinDays();
        if (!stableLongEnough) {
            return null;
        }
        return r == RecistResponse.NON_CR_NON_PD ? RecistResponse.NON_CR_NON_PD : RecistResponse.SD;
    }

    /** Whether a later time point, before any progression, shows at least {@code level} after minDays. */
    private static boolean confirmed(List<TimePointAssessment> points, int i, int minDays, RecistResponse level) {
        TimePointAssessment first = points.get(i);
        for (int j = i + 1; j < points.size(); j++) {
            TimePointAssessment later = points.get(j);
            if (later.overall() == RecistResponse.PD) {
                return false;
            }
            boolean farEnough = first.date() != null && later.date() != null
                    && ChronoUnit.DAYS.between(first.date(), later.date()) >= minDays;
            boolean same = level == RecistResponse.CR
                    ? later.overall() == RecistResponse.CR
                    : later.overall() == RecistResponse.PR || later.overall() == RecistResponse.CR;
            if (farEnough && same) {
                return true;
            }
        }
        return false;
    }

    private static int rank(RecistResponse r) {
        return switch (r) {
            case CR -> 0;
            case PR -> 1;
            case SD -> 2;
            case NON_CR_NON_PD -> 3;
            case PD -> 4;
            case NE -> 5;
        };
    }
}
