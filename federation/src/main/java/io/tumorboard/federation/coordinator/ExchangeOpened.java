package io.tumorboard.federation.coordinator;

import java.util.List;

/**
 * A masked calibration exchange the coordinator opened: which counts it asks for, from whom, and, when it repeats an
 * exchange that a participant left unanswered, who was dropped. Journalled, so that a table built without a site
 * says so.
 *
 * @param round the round whose tasks name the exchange (R+1 or R+2)
 * @param participants the sites whose masked counts will be added up, sorted
 * @param dropped the sites of the previous exchange that did not answer before its timeout (empty at first)
 */
public record ExchangeOpened(String runId, int round, String exchangeId, Counts counts, List<String> participants,
                             List<String> dropped) {

    /** What the exchange counts. */
    public enum Counts { RISK_HISTOGRAM, GROUP_COUNTS }

    public ExchangeOpened {
        participants = List.copyOf(participants);
        dropped = List.copyOf(dropped);
    }
}
