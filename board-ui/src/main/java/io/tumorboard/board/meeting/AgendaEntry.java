package io.tumorboard.board.meeting;

import io.tumorboard.board.store.CaseSummary;
import java.util.List;

/**
 * An agenda item as the agenda shows it: the case's current summary, how complex it is and why.
 *
 * @param item the agenda item
 * @param summary the newest case version's summary
 * @param complexity higher is discussed earlier; 0 means standard of care, listed for confirmation
 * @param reasons why the case is complex, in the board's words
 */
public record AgendaEntry(AgendaItem item, CaseSummary summary, int complexity, List<String> reasons) {

    public boolean standardOfCare() {
        return complexity == 0;
    }
}
