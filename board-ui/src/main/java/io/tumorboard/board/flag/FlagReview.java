package io.tumorboard.board.flag;

import java.time.Instant;

/**
 * One review of one flag.
 *
 * @param flagId the flag's stable id ({@link FlagView#idOf})
 * @param caseVersion the case version the reviewer saw
 * @param outcome acknowledged or dismissed
 * @param reason why
 * @param reviewedBy who
 * @param reviewedAt when
 */
public record FlagReview(String flagId, long caseVersion, FlagReviewOutcome outcome, String reason,
        String reviewedBy, Instant reviewedAt) {
}
