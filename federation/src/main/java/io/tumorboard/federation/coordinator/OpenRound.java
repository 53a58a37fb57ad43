package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A round in progress: who was selected to train, when it opened (epoch ms), and what has been accepted
 * so far. An evaluation-only round (the one after the last training round) selects nobody to train.
 */
record OpenRound(int number, int attempt, List<String> selected, long openedMs, boolean evaluationOnly,
                 Map<String, SpooledUpdate> updates, Map<String, SiteReport> evaluations) {

    OpenRound(int number, int attempt, List<String> selected, long openedMs, boolean evaluationOnly) {
        this(number, attempt, List.copyOf(selected), openedMs, evaluationOnly, new TreeMap<>(), new TreeMap<>());
    }
}
