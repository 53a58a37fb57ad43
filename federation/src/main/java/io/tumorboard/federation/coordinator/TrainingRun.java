package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.calibration.MaskedCounts;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Strategy;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's state machine for one run, free of any transport. Rounds 1..R train (the selected
 * sites train, the others evaluate the incoming global model); round R+1 only evaluates the final model. Sites that
 * registered a masking key also send their risk histogram with that evaluation, masked; round R+2 (the calibration
 * round) asks them for their counts per calibration group of the pooled histogram, masked, and the calibration table
 * summed from them goes to the listener ({@link CalibrationExchanges}).
 * A round closes when every selected site has answered, or when its timeout passes with at least the
 * minimum number of answers (otherwise it is opened again with a fresh selection). Every close is
 * checkpointed, and so is the calibration plan; a new instance over the same work folder resumes after the last
 * completed round, or in the calibration round once its plan was cut.
 * <p>
 * This class is the sites' side of it (who may ask, which task each gets, which result is accepted) and holds the
 * lock. Its parts are used under that lock (all but the times sites were last seen): the {@link SiteRoster}, the
 * {@link IssuedTasks}, the {@link UpdateSpool}, the {@link GlobalModel} with its checkpoint, and the
 * {@link RoundSequence} that opens and closes rounds. Refusals are audited by {@link RefusalAudit}, without a lock.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    // How long an idle site waits before asking again when its transport does not hold the question open
    // (the gRPC service long-polls: it holds a waiting site's PullTask until this run has news for it).
    private static final Duration WAIT = Duration.ofMillis(25);

    private final RunConfiguration cfg;
    private final RoundListener listener;
    private final Clock clock;
    private final RefusalAudit refusals;
    private final SiteRoster sites;
    private final IssuedTasks tasks;
    private final UpdateSpool spool;
    private final CalibrationExchanges calibration;
    private final GlobalModel model;
    private final RoundSequence rounds;
    private final List<Runnable> taskWatchers = new CopyOnWriteArrayList<>();

    public TrainingRun(RunConfiguration cfg, ModelWeights initial, Set<String> admittedSites, Path workDir,
                       AuditLog audit, RoundListener listener, Clock clock) {
        this.cfg = cfg;
        this.listener = listener;
        this.clock = clock;
        this.refusals = new RefusalAudit(audit);
        this.sites = new SiteRoster(admittedSites, refusals);
        this.tasks = new IssuedTasks(refusals);
        this.spool = new UpdateSpool(workDir.resolve("spool"), initial.layout(), refusals,
                new UpdateCheck(initial.layout(), cfg.maxUpdateNorm()));
        RunCheckpoint checkpoint = new RunCheckpoint(workDir.resolve("checkpoint"), cfg.digest());
        this.calibration = new CalibrationExchanges(cfg.runId(), cfg.rounds(), checkpoint, listener);
        Optional<RunCheckpoint.State> resumed = load(checkpoint, cfg, initial);
        this.model = new GlobalModel(cfg, initial, checkpoint, resumed);
        resumed.map(RunCheckpoint.State::calibration).ifPresent(calibration::resume);
        resumed.ifPresent(s -> LOG.info("run {} resumes after round {}{}", cfg.runId(), s.completedRounds(),
                s.calibration() == null ? "" : ", in the calibration round"));
        this.rounds = new RoundSequence(cfg, sites, model, calibration, spool, listener, clock,
                this::tasksMayHaveChanged);
    }

    private static Optional<RunCheckpoint.State> load(RunCheckpoint checkpoint, RunConfiguration cfg,
                                                      ModelWeights initial) {
        try {
            return checkpoint.load(initial.layout(), cfg.strategy() == Strategy.FED_ADAM);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint of run " + cfg.runId(), e);
        }
    }

    public RunConfiguration config() {
        return cfg;
    }

    /**
     * Calls {@code watcher} whenever a waiting site may have a new task: a site registered, a round opened or
     * closed, the run finished. It is called with this run's lock held, so it must only hand the news on.
     */
    public void watchTasks(Runnable watcher) {
        taskWatchers.add(watcher);
    }

    private void tasksMayHaveChanged() {
        taskWatchers.forEach(Runnable::run);
    }

    /**
     * Admits a site into the run; returns the update encoding negotiated for it.
     *
     * @param maskingKey the site's X25519 key for the masked calibration exchanges (X.509 DER); null when it sends
     *                   no calibration counts. A site that registers again replaces it: later exchanges name the new one.
     */
    public synchronized UpdateEncoding register(String site, Set<UpdateEncoding> supported, byte[] maskingKey)
            throws RefusedResult {
        UpdateEncoding chosen = supported.contains(cfg.updateEncoding()) ? cfg.updateEncoding() : UpdateEncoding.FP32;
        if (sites.register(site, chosen, maskingKey)) {
            LOG.info("site {} registered for run {} ({} of {})", site, cfg.runId(), sites.registeredCount(),
                    sites.admittedCount());
            tasksMayHaveChanged();
        }
        return chosen;
    }

    /** The next task for {@code site}. */
    public synchronized Task nextTask(String site) throws RefusedResult {
        sites.requireRegistered(site);
        sites.seen(site, clock.millis());
        if (rounds.finished()) {
            sites.toldDone(site);
            return new Task.Done();
        }
        if (rounds.current() == null) {
            rounds.tryOpen();
        }
        OpenRound round = rounds.current();
        if (round == null) {
            return new Task.Wait(WAIT);
        }
        boolean trains = round.selected().contains(site) && !round.updates().containsKey(site);
        boolean counts = calibration.asks(site, round.number());
        boolean evaluates = !round.selected().contains(site) && !round.evaluations().containsKey(site)
                && (!rounds.calibrationRound() || counts);
        if (!trains && !evaluates) {
            return new Task.Wait(WAIT);
        }
        TaskKind kind = trains ? TaskKind.TRAIN : TaskKind.EVALUATE;
        String taskId = tasks.issue(site, round.number(), kind);
        return trains ? new Task.Train(round.number(), taskId, model.weights())
                : new Task.Evaluate(round.number(), taskId, model.weights(), counts ? calibration.plan() : null,
                        counts ? calibration.exchange() : null);
    }

    /** Checks a result's header before its chunks are read; returns the intake that spools them. */
    public synchronized ResultIntake openResult(String site, SiteReport report, PayloadHeader update)
            throws RefusedResult {
        sites.requireRegistered(site);
        tasks.checkCurrent(site, report, rounds.current());
        checkCalibration(site, report);
        return spool.open(site, report, update, sites.encoding(site));
    }

    /** Validates a fully received result and accepts it into its round. */
    public void completeResult(ResultIntake intake) throws RefusedResult {
        SiteReport report = intake.report();
        SpooledUpdate update;
        try {
            update = intake.finish();
        } catch (RefusedResult r) {
            intake.abort();
            throw audited(r, intake.site(), report.round());
        } catch (IOException e) {
            intake.abort();
            throw new UncheckedIOException("cannot close the spooled update of " + intake.site(), e);
        }
        synchronized (this) {
            try {
                tasks.checkCurrent(intake.site(), report, rounds.current());
                if (update == null) {
                    // Again: the exchange may have been replaced while the result streamed in.
                    checkCalibration(intake.site(), report);
                }
            } catch (RefusedResult r) {
                intake.abort();
                throw r;
            }
            tasks.answered(report.taskId());
            if (update != null) {
                rounds.current().updates().put(intake.site(), update);
            } else {
                rounds.current().evaluations().put(intake.site(), report);
                if (report.masked() != null) {
                    calibration.accept(intake.site(), report.masked());
                }
            }
            listener.siteReported(cfg.runId(), report.round(), intake.site(), report);
            rounds.maybeClose();
        }
    }

    /** Audits a refusal that happened while a result was streaming (e.g. an oversized stream). */
    public RefusedResult audited(RefusedResult r, String site, int roundNumber) {
        return refusals.audited(r, site, roundNumber);
    }

    /** Closes or reopens a round whose timeout has passed; opens a waiting one. Called periodically. */
    public synchronized void tick() {
        rounds.tick();
    }

    /** Records that {@code site} is alive (its heartbeat arrived). */
    public void heartbeat(String site) {
        sites.seen(site, clock.millis());
    }

    /** Sites whose heartbeat or call arrived within {@code window}, sorted. */
    public List<String> liveSites(Duration window) {
        return sites.liveSites(window, clock.millis());
    }

    public synchronized int completedRounds() {
        return model.completedRounds();
    }

    public synchronized boolean finished() {
        return rounds.finished();
    }

    /** True once the run is finished and every registered site has been told so (it pulled DONE). */
    public synchronized boolean everySiteToldDone() {
        return rounds.finished() && sites.everyoneToldDone();
    }

    /** The current global model (not a copy: treat it as read-only). */
    public synchronized ModelWeights global() {
        return model.weights();
    }

    /**
     * Calibration counts come only from a site the round's exchange asks them of, masked for that exchange, with the
     * words it needs; counts for an exchange already over are late, not malformed.
     */
    private void checkCalibration(String site, SiteReport report) throws RefusedResult {
        MaskedCounts m = report.masked();
        OpenRound round = rounds.current();
        boolean asked = round != null && calibration.asks(site, round.number());
        if (m == null && !asked) {
            return;
        }
        if (m != null && calibration.closed(m.exchangeId())) {
            throw new RefusedResult(RefusedResult.Kind.STALE, null, "calibration counts arrived after their exchange closed");
        }
        if (!asked || m == null || !m.exchangeId().equals(calibration.exchange().id())
                || m.values().length != calibration.words()) {
            throw refusals.refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                    "calibration counts do not fit this round's masked exchange");
        }
    }
}
