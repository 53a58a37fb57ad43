package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's rounds, one open at a time: training rounds 1..R, the final evaluation R+1 and the calibration round
 * R+2 (again for every new exchange). Opens the next round once enough sites registered, closes one when every
 * answer is in or its timeout passed (or opens it again with a fresh selection), and finishes the run. Used under
 * the run's lock only.
 */
final class RoundSequence {

    // Under the run's name, as before this class was split from it: log filters keep working.
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private final RunConfiguration cfg;
    private final SiteRoster sites;
    private final GlobalModel model;
    private final CalibrationExchanges calibration;
    private final UpdateSpool spool;
    private final RoundListener listener;
    private final Clock clock;
    private final Runnable tasksMayHaveChanged;
    private OpenRound round;
    private long waitingSinceMs;
    private boolean finished;

    RoundSequence(RunConfiguration cfg, SiteRoster sites, GlobalModel model, CalibrationExchanges calibration,
                  UpdateSpool spool, RoundListener listener, Clock clock, Runnable tasksMayHaveChanged) {
        this.cfg = cfg;
        this.sites = sites;
        this.model = model;
        this.calibration = calibration;
        this.spool = spool;
        this.listener = listener;
        this.clock = clock;
        this.tasksMayHaveChanged = tasksMayHaveChanged;
        this.waitingSinceMs = clock.millis();
    }

    /** The round open now; null while waiting for sites or once the run finished. */
    OpenRound current() {
        return round;
    }

    boolean finished() {
        return finished;
    }

    boolean calibrationRound() {
        return round != null && round.number() == cfg.rounds() + 2;
    }

    /** Closes or reopens a round whose timeout has passed; opens a waiting one. */
    void tick() {
        if (finished) {
            return;
        }
        if (round == null) {
            tryOpen();
            return;
        }
        if (clock.millis() - round.openedMs() < cfg.roundTimeout().toMillis()) {
            return;
        }
        if (round.evaluationOnly()) {
            evaluationRoundOver();
        } else if (round.updates().size() >= cfg.minSites()) {
            LOG.info("round {} timed out with {} of {} updates; closing with them", round.number(),
                    round.updates().size(), round.selected().size());
            close();
        } else {
            LOG.warn("round {} timed out with {} updates, fewer than {}; opening it again", round.number(),
                    round.updates().size(), cfg.minSites());
            openRound(round.number(), round.attempt() + 1);
        }
    }

    /** Opens the next round when it is due (no round is open). */
    void tryOpen() {
        boolean waitedEnough = clock.millis() - waitingSinceMs >= cfg.roundTimeout().toMillis();
        int completed = model.completedRounds();
        if (completed >= cfg.rounds() && !calibration.resumedParticipants().isEmpty()) {
            // Restarted after the plan was cut: the calibration round resumes once its sites registered again.
            if (sites.maskingKeys().keySet().containsAll(calibration.resumedParticipants()) || waitedEnough) {
                if (calibration.resumeCalibration(sites.maskingKeys()) == CalibrationExchanges.Next.CALIBRATION_ROUND) {
                    openRound(cfg.rounds() + 2, 0);
                } else {
                    finish();
                }
            }
            return;
        }
        if (completed >= cfg.rounds()) {
            calibration.openFinalEvaluation(sites.maskingKeys());
            openRound(cfg.rounds() + 1, 0);
            return;
        }
        if (sites.registeredCount() >= cfg.sitesPerRound() && (sites.everyoneRegistered() || waitedEnough)) {
            openRound(completed + 1, 0);
        }
    }

    /** Closes the current round once every answer it waits for is in. */
    void maybeClose() {
        if (round.evaluationOnly()) {
            boolean evaluated = calibrationRound() || round.evaluations().keySet().containsAll(sites.registered());
            if (evaluated && calibration.complete()) {
                evaluationRoundOver();
            }
        } else if (round.updates().keySet().containsAll(round.selected())) {
            close();
        }
    }

    private void openRound(int number, int attempt) {
        if (round != null) {
            spool.discard(round);
        }
        List<String> selected = number > cfg.rounds() ? List.of()
                : SiteSelection.select(List.copyOf(sites.registered()), cfg.sitesPerRound(), cfg.seed(), number,
                        attempt);
        round = new OpenRound(number, attempt, selected, clock.millis(), number > cfg.rounds());
        LOG.info("round {} (attempt {}) opened; training sites {}", number, attempt, selected);
        tasksMayHaveChanged.run();
    }

    private void close() {
        OpenRound r = round;
        model.advance(r.number(), List.copyOf(r.updates().values()));
        Map<String, SiteReport> reports = new TreeMap<>(r.evaluations());
        r.updates().forEach((site, u) -> reports.put(site, u.report()));
        listener.roundClosed(new ClosedRound(cfg, r.number(), model.weights(), List.copyOf(r.updates().keySet()),
                reports, Duration.ofMillis(clock.millis() - r.openedMs())));
        spool.clear(r.number());
        round = null;
        waitingSinceMs = clock.millis();
        tasksMayHaveChanged.run();
    }

    /**
     * After the final evaluation (its reports go to the listener) or a calibration exchange's round: the next
     * exchange in a (new attempt of the) calibration round, or the end of the run, with the table if one was summed.
     */
    private void evaluationRoundOver() {
        int completed = model.completedRounds();
        if (round.number() == cfg.rounds() + 1) {
            listener.finalEvaluationClosed(cfg.runId(), completed, Map.copyOf(round.evaluations()));
        }
        if (calibration.roundOver(sites.maskingKeys()) == CalibrationExchanges.Next.CALIBRATION_ROUND) {
            openRound(cfg.rounds() + 2, calibrationRound() ? round.attempt() + 1 : 0);
            return;
        }
        calibration.table().ifPresent(table -> listener.calibrated(cfg.runId(), completed, table));
        finish();
    }

    private void finish() {
        finished = true;
        round = null;
        LOG.info("run {} finished after {} rounds", cfg.runId(), model.completedRounds());
        listener.runFinished(cfg.runId(), model.completedRounds());
        tasksMayHaveChanged.run();
    }
}
