package io.tumorboard.board.meeting;

/**
 * A case on a meeting's agenda.
 *
 * @param id database id
 * @param meetingId the meeting
 * @param caseKey pseudonymous key of the case
 * @param question what the board is asked to decide
 */
public record AgendaItem(long id, long meetingId, String caseKey, String question) {
}
