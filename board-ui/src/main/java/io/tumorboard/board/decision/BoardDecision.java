package io.tumorboard.board.decision;

import java.time.Instant;

/**
 * One revision of the board's decision on one case at one meeting.
 *
 * @param id database id of this revision
 * @param meetingId the meeting
 * @param caseKey the case
 * @param revision 1 for the first, +1 for each change after a sign-off
 * @param lockVersion optimistic-locking counter of a draft
 * @param status draft or signed
 * @param content what was decided
 * @param updatedBy who wrote this revision last
 * @param updatedAt when
 * @param signedBy the chair who signed it, null for a draft
 * @param signedAt when it was signed
 */
public record BoardDecision(
        long id,
        long meetingId,
        String caseKey,
        int revision,
        int lockVersion,
        DecisionStatus status,
        DecisionContent content,
        String updatedBy,
        Instant updatedAt,
        String signedBy,
        Instant signedAt) {

    public boolean signed() {
        return status == DecisionStatus.SIGNED;
    }
}
