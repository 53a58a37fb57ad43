package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.calibration.MaskedCounts;
import io.tumorboard.federation.calibration.MaskingKey;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Strategy;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
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
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    // How long an idle site waits before asking again when its transport does not hold the question open
    // (the gRPC service long-polls: it holds a waiting site's PullTask until this run has news for it).
    private static final Duration WAIT = Duration.ofMillis(25);

    private final RunConfiguration cfg;
    private final Set<String> admitted;
    private final Path spoolDir;
    private final RunCheckpoint checkpoint;
    private final AuditLog audit;
    private final RoundListener listener;
    private final Clock clock;
    private final UpdateCheck check;
    private final Aggregation aggregation;
    private final AdamStep adam;
    private final SortedMap<String, UpdateEncoding> registered = new TreeMap<>();
    private final SortedMap<String, byte[]> maskingKeys = new TreeMap<>();
    private final CalibrationExchanges calibration;
    private final Map<String, Issued> issued = new HashMap<>();
    private final Set<String> answered = new HashSet<>();
    private final Set<String> told = new HashSet<>();
    private final Map<String, Long> lastSeenMs = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Runnable> taskWatchers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ModelWeights global;
    private int completed;
    private OpenRound round;
    private long waitingSinceMs;
    private boolean finished;

    private record Issued(String site, int round, TaskKind kind) {
    }

    public TrainingRun(RunConfiguration cfg, ModelWeights initial, Set<String> admittedSites, Path workDir,
                       AuditLog audit, RoundListener listener, Clock clock) {
        this.cfg = cfg;
        this.admitted = Set.copyOf(admittedSites);
        this.spoolDir = workDir.resolve("spool");
        this.checkpoint = new RunCheckpoint(workDir.resolve("checkpoint"), cfg.digest());
        this.audit = audit;
        this.listener = listener;
        this.clock = clock;
        this.check = new UpdateCheck(initial.layout(), cfg.maxUpdateNorm());
        this.calibration = new CalibrationExchanges(cfg.runId(), cfg.rounds(), checkpoint, listener);
        try {
            var resumed = checkpoint.load(initial.layout(), cfg.strategy() == Strategy.FED_ADAM);
            this.global = resumed.map(RunCheckpoint.State::global).orElse(initial.copy());
            this.completed = resumed.map(RunCheckpoint.State::completedRounds).orElse(0);
            int n = initial.layout().size();
            this.adam = cfg.strategy() != Strategy.FED_ADAM ? null : new AdamStep(cfg.serverLearningRate(),
                    cfg.adamBeta1(), cfg.adamBeta2(), cfg.adamTau(),
                    resumed.map(RunCheckpoint.State::adamM).orElse(new float[n]),
                    resumed.map(RunCheckpoint.State::adamV).orElse(new float[n]));
            resumed.map(RunCheckpoint.State::calibration).ifPresent(calibration::resume);
            resumed.ifPresent(s -> LOG.info("run {} resumes after round {}{}", cfg.runId(), s.completedRounds(),
                    s.calibration() == null ? "" : ", in the calibration round"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint of run " + cfg.runId(), e);
        }
        this.aggregation = new Aggregation(rule(cfg), adam != null ? adam : ServerStep.plain());
        this.waitingSinceMs = clock.millis();
    }

    private static CoordinateRule rule(RunConfiguration cfg) {
        return switch (cfg.strategy()) {
            case FED_AVG, FED_PROX, FED_ADAM -> CoordinateRule.weightedMean();
            case COORDINATE_MEDIAN -> CoordinateRule.median();
            case TRIMMED_MEAN -> CoordinateRule.trimmedMean(cfg.trimFraction());
        };
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
        if (!admitted.contains(site)) {
            throw refuse(RefusedResult.Kind.NOT_ADMITTED, AuditEvent.UNREGISTERED_SITE, site, 0,
                    "site is not admitted to this federation");
        }
        if (maskingKey != null) {
            try {
                MaskingKey.requireValid(maskingKey);
            } catch (IllegalArgumentException e) {
                throw refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, 0, e.getMessage());
            }
            maskingKeys.put(site, maskingKey.clone());
        }
        UpdateEncoding chosen = supported.contains(cfg.updateEncoding()) ? cfg.updateEncoding() : UpdateEncoding.FP32;
        if (registered.put(site, chosen) == null) {
            LOG.info("site {} registered for run {} ({} of {})", site, cfg.runId(), registered.size(), admitted.size());
            tasksMayHaveChanged();
        }
        return chosen;
    }

    /** The next task for {@code site}. */
    public synchronized Task nextTask(String site) throws RefusedResult {
        requireRegistered(site);
        lastSeenMs.put(site, clock.millis());
        if (finished) {
            told.add(site);
            return new Task.Done();
        }
        if (round == null) {
            tryOpen();
        }
        if (round == null) {
            return new Task.Wait(WAIT);
        }
        boolean trains = round.selected().contains(site) && !round.updates().containsKey(site);
        boolean counts = calibration.asks(site, round.number());
        boolean evaluates = !round.selected().contains(site) && !round.evaluations().containsKey(site)
                && (!calibrationRound() || counts);
        if (!trains && !evaluates) {
            return new Task.Wait(WAIT);
        }
        issued.values().removeIf(i -> i.site().equals(site));
        String taskId = UUID.randomUUID().toString();
        TaskKind kind = trains ? TaskKind.TRAIN : TaskKind.EVALUATE;
        issued.put(taskId, new Issued(site, round.number(), kind));
        return trains ? new Task.Train(round.number(), taskId, global)
                : new Task.Evaluate(round.number(), taskId, global, counts ? calibration.plan() : null,
                        counts ? calibration.exchange() : null);
    }

    /** Checks a result's header before its chunks are read; returns the intake that spools them. */
    public synchronized ResultIntake openResult(String site, SiteReport report, PayloadHeader update)
            throws RefusedResult {
        requireRegistered(site);
        checkCurrent(site, report);
        checkCalibration(site, report);
        try {
            if (report.kind() != TaskKind.TRAIN) {
                return new ResultIntake(site, report, null, UpdateEncoding.FP32, new float[0], 0, new byte[0]);
            }
            if (update == null || !update.layout().equals(global.layout())) {
                throw refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                        "update layout differs from the global model's");
            }
            if (update.encoding() != registered.get(site)) {
                throw refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                        "update encoding " + update.encoding() + " is not the one negotiated");
            }
            long expected = (long) global.layout().size() * update.encoding().bytesPerValue();
            if (update.totalBytes() > expected) {
                throw refuse(RefusedResult.Kind.TOO_LARGE, AuditEvent.OVERSIZED_STREAM, site, report.round(),
                        "update declares " + update.totalBytes() + " bytes; the model is " + expected);
            }
            if (update.totalBytes() < expected || report.exampleCount() <= 0) {
                throw refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                        "update is shorter than the model or trained on no examples");
            }
            Path dir = spoolDir.resolve("round-" + report.round());
            Files.createDirectories(dir);
            return new ResultIntake(site, report, dir.resolve(site + "-" + report.taskId() + ".bin"),
                    update.encoding(), update.scales(), update.totalBytes(), update.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool file of a result from " + site, e);
        }
    }

    /** Validates a fully received result and accepts it into its round. */
    public void completeResult(ResultIntake intake) throws RefusedResult {
        SiteReport report = intake.report();
        SpooledUpdate update;
        try {
            update = intake.finish();
            if (update != null) {
                check.check(update);
            }
        } catch (RefusedResult r) {
            intake.abort();
            throw audited(r, intake.site(), report.round());
        } catch (IOException e) {
            intake.abort();
            throw new UncheckedIOException("cannot read back the spooled update of " + intake.site(), e);
        }
        synchronized (this) {
            try {
                checkCurrent(intake.site(), report);
                if (update == null) {
                    // Again: the exchange may have been replaced while the result streamed in.
                    checkCalibration(intake.site(), report);
                }
            } catch (RefusedResult r) {
                intake.abort();
                throw r;
            }
            answered.add(report.taskId());
            issued.remove(report.taskId());
            if (update != null) {
                round.updates().put(intake.site(), update);
            } else {
                round.evaluations().put(intake.site(), report);
                if (report.masked() != null) {
                    calibration.accept(intake.site(), report.masked());
                }
            }
            listener.siteReported(cfg.runId(), report.round(), intake.site(), report);
            maybeClose();
        }
    }

    /** Audits a refusal that happened while a result was streaming (e.g. an oversized stream). */
    public RefusedResult audited(RefusedResult r, String site, int roundNumber) {
        if (r.event() != null) {
            audit.refused(r.event(), site, roundNumber, r.getMessage());
        }
        return r;
    }

    /** Closes or reopens a round whose timeout has passed; opens a waiting one. Called periodically. */
    public synchronized void tick() {
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

    /** Records that {@code site} is alive (its heartbeat arrived). */
    public void heartbeat(String site) {
        lastSeenMs.put(site, clock.millis());
    }

    /** Sites whose heartbeat or call arrived within {@code window}, sorted. */
    public List<String> liveSites(Duration window) {
        long now = clock.millis();
        return lastSeenMs.entrySet().stream().filter(e -> now - e.getValue() <= window.toMillis())
                .map(Map.Entry::getKey).sorted().toList();
    }

    public synchronized int completedRounds() {
        return completed;
    }

    public synchronized boolean finished() {
        return finished;
    }

    /** True once the run is finished and every registered site has been told so (it pulled DONE). */
    public synchronized boolean everySiteToldDone() {
        return finished && told.containsAll(registered.keySet());
    }

    /** The current global model (not a copy: treat it as read-only). */
    public synchronized ModelWeights global() {
        return global;
    }

    private void tryOpen() {
        boolean everyone = registered.size() == admitted.size();
        boolean waitedEnough = clock.millis() - waitingSinceMs >= cfg.roundTimeout().toMillis();
        if (completed >= cfg.rounds() && !calibration.resumedParticipants().isEmpty()) {
            // Restarted after the plan was cut: the calibration round resumes once its sites registered again.
            if (maskingKeys.keySet().containsAll(calibration.resumedParticipants()) || waitedEnough) {
                if (calibration.resumeCalibration(maskingKeys) == CalibrationExchanges.Next.CALIBRATION_ROUND) {
                    openRound(cfg.rounds() + 2, 0);
                } else {
                    finish();
                }
            }
            return;
        }
        if (completed >= cfg.rounds()) {
            calibration.openFinalEvaluation(maskingKeys);
            openRound(cfg.rounds() + 1, 0);
            return;
        }
        if (registered.size() >= cfg.sitesPerRound() && (everyone || waitedEnough)) {
            openRound(completed + 1, 0);
        }
    }

    private void openRound(int number, int attempt) {
        if (round != null) {
            round.updates().values().forEach(u -> deleteQuietly(u.file()));
        }
        List<String> selected = number > cfg.rounds() ? List.of()
                : SiteSelection.select(List.copyOf(registered.keySet()), cfg.sitesPerRound(), cfg.seed(), number, attempt);
        round = new OpenRound(number, attempt, selected, clock.millis(), number > cfg.rounds());
        LOG.info("round {} (attempt {}) opened; training sites {}", number, attempt, selected);
        tasksMayHaveChanged();
    }

    private void maybeClose() {
        if (round.evaluationOnly()) {
            boolean evaluated = calibrationRound() || round.evaluations().keySet().containsAll(registered.keySet());
            if (evaluated && calibration.complete()) {
                evaluationRoundOver();
            }
        } else if (round.updates().keySet().containsAll(round.selected())) {
            close();
        }
    }

    private void close() {
        OpenRound r = round;
        try {
            List<SpooledUpdate> updates = List.copyOf(r.updates().values());
            checkpoint.save(r.number(), out -> aggregation.apply(global, updates, out), adam);
            completed = r.number();
            // The new model was written straight to the checkpoint, never beside the old one in memory; the old
            // one is let go before the new one is read back, so the coordinator holds one model at a time.
            ModelLayout layout = global.layout();
            global = null;
            global = checkpoint.global(completed, layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot aggregate or checkpoint round " + r.number(), e);
        }
        Map<String, SiteReport> reports = new TreeMap<>(r.evaluations());
        r.updates().forEach((site, u) -> reports.put(site, u.report()));
        listener.roundClosed(new ClosedRound(cfg, r.number(), global, List.copyOf(r.updates().keySet()), reports,
                Duration.ofMillis(clock.millis() - r.openedMs())));
        deleteQuietly(spoolDir.resolve("round-" + r.number()));
        round = null;
        waitingSinceMs = clock.millis();
        tasksMayHaveChanged();
    }

    private boolean calibrationRound() {
        return round != null && round.number() == cfg.rounds() + 2;
    }

    /**
     * After the final evaluation (its reports go to the listener) or a calibration exchange's round: the next
     * exchange in a (new attempt of the) calibration round, or the end of the run, with the table if one was summed.
     */
    private void evaluationRoundOver() {
        if (round.number() == cfg.rounds() + 1) {
            listener.finalEvaluationClosed(cfg.runId(), completed, Map.copyOf(round.evaluations()));
        }
        if (calibration.roundOver(maskingKeys) == CalibrationExchanges.Next.CALIBRATION_ROUND) {
            openRound(cfg.rounds() + 2, calibrationRound() ? round.attempt() + 1 : 0);
            return;
        }
        calibration.table().ifPresent(table -> listener.calibrated(cfg.runId(), completed, table));
        finish();
    }

    /**
     * Calibration counts come only from a site the round's exchange asks them of, masked for that exchange, with the
     * words it needs; counts for an exchange already over are late, not malformed.
     */
    private void checkCalibration(String site, SiteReport report) throws RefusedResult {
        MaskedCounts m = report.masked();
        boolean asked = round != null && calibration.asks(site, round.number());
        if (m == null && !asked) {
            return;
        }
        if (m != null && calibration.closed(m.exchangeId())) {
            throw new RefusedResult(RefusedResult.Kind.STALE, null, "calibration counts arrived after their exchange closed");
        }
        if (!asked || m == null || !m.exchangeId().equals(calibration.exchange().id())
                || m.values().length != calibration.words()) {
            throw refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                    "calibration counts do not fit this round's masked exchange");
        }
    }

    private void finish() {
        finished = true;
        round = null;
        LOG.info("run {} finished after {} rounds", cfg.runId(), completed);
        listener.runFinished(cfg.runId(), completed);
        tasksMayHaveChanged();
    }

    private void requireRegistered(String site) throws RefusedResult {
        if (!registered.containsKey(site)) {
            if (!admitted.contains(site)) {
                throw refuse(RefusedResult.Kind.NOT_ADMITTED, AuditEvent.UNREGISTERED_SITE, site, 0,
                        "site is not admitted to this federation");
            }
            throw new RefusedResult(RefusedResult.Kind.NOT_REGISTERED, null, "site must register first");
        }
    }

    private void checkCurrent(String site, SiteReport report) throws RefusedResult {
        if (answered.contains(report.taskId())) {
            throw refuse(RefusedResult.Kind.REPLAYED, AuditEvent.REPLAYED_UPDATE, site, report.round(),
                    "task already answered");
        }
        Issued i = issued.get(report.taskId());
        if (i != null && i.site().equals(site) && i.kind() == TaskKind.EVALUATE && i.kind() == report.kind()
                && (round == null || i.round() != round.number())) {
            // An evaluation that lost the race with its round's close is expected, not an attack: not audited.
            throw new RefusedResult(RefusedResult.Kind.STALE, null, "evaluation arrived after its round closed");
        }
        if (i == null || !i.site().equals(site) || round == null || i.round() != round.number()
                || report.round() != round.number() || i.kind() != report.kind()) {
            throw refuse(RefusedResult.Kind.STALE, AuditEvent.STALE_UPDATE, site, report.round(),
                    "result does not answer a task open for this site in the current round");
        }
    }

    private RefusedResult refuse(RefusedResult.Kind kind, AuditEvent event, String site, int r, String message) {
        return audited(new RefusedResult(kind, event, message), site, r);
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("could not delete spool entry {}", p, e);
        }
    }
}
