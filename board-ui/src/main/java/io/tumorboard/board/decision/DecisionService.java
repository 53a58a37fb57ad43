package io.tumorboard.board.decision;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.meeting.Meeting;
import io.tumorboard.board.meeting.MeetingRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving and signing decisions. The writer states which revision and lock version they edited
 * ({@code seenRevision} 0 for a new decision); anything newer in the database is a conflict, never an overwrite.
 */
@Service
public class DecisionService {

    private final DecisionRepository decisions;
    private final MeetingRepository meetings;
    private final AuditTrail audit;

    DecisionService(DecisionRepository decisions, MeetingRepository meetings, AuditTrail audit) {
        this.decisions = decisions;
        this.meetings = meetings;
        this.audit = audit;
    }

    @Transactional
    public BoardDecision save(long meetingId, String caseKey, int seenRevision, int seenLock, DecisionContent content,
            String username) {
        meetings.get(meetingId);
        Optional<BoardDecision> latest = decisions.latest(meetingId, caseKey);
        int currentRevision = latest.map(BoardDecision::revision).orElse(0);
        if (currentRevision != seenRevision) {
            BoardDecision other = latest.orElseThrow();
            throw new DecisionConflictException("While you were editing, " + other.updatedBy() + " saved revision "
                    + other.revision() + " at " + other.updatedAt() + ". Your text was not saved; it is shown "
                    + "below beside theirs.");
        }
        if (latest.isEmpty() || latest.get().signed()) {
            decisions.insertDraft(meetingId, caseKey, currentRevision + 1, content, username);
            audit.record(username, currentRevision == 0 ? "DECISION_DRAFTED" : "DECISION_REVISED",
                    "case:" + caseKey, "meeting " + meetingId + ", revision " + (currentRevision + 1));
        } else if (!decisions.updateDraft(latest.get().id(), seenLock, content, username)) {
            BoardDecision other = decisions.get(latest.get().id());
            throw new DecisionConflictException("While you were editing, " + other.updatedBy()
                    + (other.signed() ? " signed" : " changed") + " this decision at " + other.updatedAt()
                    + ". Your text was not saved; it is shown below beside theirs.");
        } else {
            audit.record(username, "DECISION_EDITED", "case:" + caseKey,
                    "meeting " + meetingId + ", revision " + currentRevision);
        }
        return decisions.latest(meetingId, caseKey).orElseThrow();
    }

    @Transactional
    public BoardDecision sign(long meetingId, String caseKey, int seenRevision, int seenLock, String chair) {
        Meeting meeting = meetings.get(meetingId);
        if (!meeting.chairUsername().equals(chair)) {
            throw new IllegalArgumentException("only this meeting's chair (" + meeting.chairUsername()
                    + ") signs its decisions off");
        }
        BoardDecision latest = decisions.latest(meetingId, caseKey)
                .orElseThrow(() -> new IllegalArgumentException("there is no decision to sign on case " + caseKey));
        if (latest.revision() != seenRevision || !decisions.sign(latest.id(), seenLock, chair)) {
            throw new DecisionConflictException("The decision changed since you opened it (now revision "
                    + latest.revision() + ", last saved by " + latest.updatedBy() + " at " + latest.updatedAt()
                    + "). Read the current text before signing.");
        }
        audit.record(chair, "DECISION_SIGNED", "case:" + caseKey,
                "meeting " + meetingId + ", revision " + latest.revision());
        return decisions.get(latest.id());
    }
}
