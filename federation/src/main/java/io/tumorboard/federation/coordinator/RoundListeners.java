package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.util.List;
import java.util.Map;

/** Several listeners as one, called in order. */
public final class RoundListeners implements RoundListener {

    private final List<RoundListener> listeners;

    public RoundListeners(List<RoundListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void siteReported(String runId, int round, String site, SiteReport report) {
        listeners.forEach(l -> l.siteReported(runId, round, site, report));
    }

    @Override
    public void roundClosed(ClosedRound round) {
        listeners.forEach(l -> l.roundClosed(round));
    }

    @Override
    public void finalEvaluationClosed(String runId, int version, Map<String, SiteReport> reports) {
        listeners.forEach(l -> l.finalEvaluationClosed(runId, version, reports));
    }

    @Override
    public void exchangeOpened(ExchangeOpened exchange) {
        listeners.forEach(l -> l.exchangeOpened(exchange));
    }

    @Override
    public void calibrated(String runId, int version, List<CalibrationGroup> table) {
        listeners.forEach(l -> l.calibrated(runId, version, table));
    }

    @Override
    public void runFinished(String runId, int completedRounds) {
        listeners.forEach(l -> l.runFinished(runId, completedRounds));
    }
}
