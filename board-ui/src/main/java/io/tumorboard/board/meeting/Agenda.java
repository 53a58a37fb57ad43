package io.tumorboard.board.meeting;

import io.tumorboard.board.store.CaseNotFoundException;
import io.tumorboard.board.store.CaseStore;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A meeting's agenda in discussion order: complex cases first by complexity, ties by the order they were added,
 * then the standard-of-care cases for confirmation.
 */
@Component
public class Agenda {

    private final MeetingRepository meetings;
    private final CaseStore store;
    private final CaseComplexity complexity;

    Agenda(MeetingRepository meetings, CaseStore store, CaseComplexity complexity) {
        this.meetings = meetings;
        this.store = store;
        this.complexity = complexity;
    }

    public List<AgendaEntry> ordered(long meetingId) {
        return meetings.agenda(meetingId).stream()
                .map(item -> complexity.assess(item, store.summary(item.caseKey())
                        .orElseThrow(() -> new CaseNotFoundException(item.caseKey()))))
                .sorted(Comparator.comparingInt(AgendaEntry::complexity).reversed()
                        .thenComparingLong(entry -> entry.item().id()))
                .toList();
    }
}
