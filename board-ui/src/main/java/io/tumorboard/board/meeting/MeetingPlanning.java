package io.tumorboard.board.meeting;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.store.CaseNotFoundException;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating meetings and putting cases on their agendas, checked and audited the same way whether the chair uses
 * the pages or an integration uses the REST API.
 */
@Service
public class MeetingPlanning {

    private final MeetingRepository meetings;
    private final CaseStore store;
    private final BoardUsers users;
    private final AuditTrail audit;

    MeetingPlanning(MeetingRepository meetings, CaseStore store, BoardUsers users, AuditTrail audit) {
        this.meetings = meetings;
        this.store = store;
        this.users = users;
        this.audit = audit;
    }

    /** A new meeting chaired by a user with the chair role. */
    @Transactional
    public Meeting create(LocalDate date, String tumorType, String chair, String createdBy) {
        if (date == null) {
            throw new IllegalArgumentException("a meeting needs a date");
        }
        if (tumorType == null || tumorType.isBlank()) {
            throw new IllegalArgumentException("a meeting needs a tumor type");
        }
        if (chair == null || users.find(chair).filter(u -> u.role() == BoardRole.CHAIR).isEmpty()) {
            throw new IllegalArgumentException("'" + chair + "' is not a board chair");
        }
        long id = meetings.create(date, tumorType.trim(), chair, createdBy);
        audit.record(createdBy, "MEETING_CREATED", "meeting:" + id, date + " " + tumorType.trim());
        return meetings.get(id);
    }

    /** Puts a current case on the agenda with its question (the suggested one when blank). */
    @Transactional
    public AgendaItem addToAgenda(long meetingId, String caseKey, String question, String addedBy) {
        meetings.get(meetingId);
        CaseSummary summary = store.summary(caseKey).orElseThrow(() -> new CaseNotFoundException(caseKey));
        String asked = question == null || question.isBlank() ? AgendaQuestion.suggestedFor(summary) : question.trim();
        long item = meetings.addToAgenda(meetingId, caseKey, asked, addedBy);
        audit.record(addedBy, "AGENDA_ADDED", "case:" + caseKey, "meeting " + meetingId + ": " + asked);
        return new AgendaItem(item, meetingId, caseKey, asked);
    }
}
