package io.tumorboard.federation.site;

import io.tumorboard.federation.calibration.CountVector;
import io.tumorboard.federation.calibration.MaskedCounts;
import io.tumorboard.federation.calibration.MaskingKey;
import io.tumorboard.federation.calibration.SiteCalibration;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hospital's participant in a run. It dials out, registers, refuses a run whose configuration its
 * governance has not approved, then loops: pull a task, train or evaluate on local data, push the result.
 * Only the update (weights difference), the example count, aggregate metrics and masked calibration counts leave
 * the site. When the coordinator is unreachable it backs off exponentially (capped) and registers again.
 */
public final class SiteNode implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteNode.class);

    /** How a site node ended. */
    public enum Outcome { RUNNING, DONE, RUN_NOT_APPROVED, NOT_ADMITTED, STOPPED }

    private final String site;
    private final String runId;
    private final CoordinatorLink link;
    private final LocalTrainer trainer;
    private final ApprovedRuns approvals;
    private final Random noise;
    private final Set<UpdateEncoding> supported = EnumSet.allOf(UpdateEncoding.class);
    private volatile boolean stopping;
    private volatile Outcome outcome = Outcome.RUNNING;
    private RdpAccountant accountant;
    private final Map<Integer, Double> epsilonByRound = new HashMap<>();
    // One key pair for the whole run (the node serves one run), kept across re-registrations so that an exchange
    // that named it stays answerable; none when the learner has no survival predictions to count.
    private final MaskingKey maskingKey;

    /** @param noise source of the DP noise (a SecureRandom in production; seeded only in reproducibility tests) */
    public SiteNode(String site, String runId, CoordinatorLink link, LocalTrainer trainer, ApprovedRuns approvals,
                    Random noise) {
        this.site = site;
        this.runId = runId;
        this.link = link;
        this.trainer = trainer;
        this.approvals = approvals;
        this.noise = noise;
        this.maskingKey = trainer.predictsSurvival() ? MaskingKey.generate() : null;
    }

    @Override
    public void run() {
        CoordinatorLink.Registration reg = null;
        long backoffMs = 50;
        while (!stopping) {
            try {
                if (reg == null) {
                    reg = link.register(runId, supported, maskingKey == null ? null : maskingKey.publicKey());
                    if (!approvals.approves(reg.config())) {
                        LOG.warn("site {} refuses run {}: configuration digest {} is not in its approved list",
                                site, runId, reg.config().digest());
                        outcome = Outcome.RUN_NOT_APPROVED;
                        return;
                    }
                    if (reg.config().privacyOn() && accountant == null) {
                        // Sampling rate 1: a site counts every round as a release of its data. Selection
                        // by the coordinator would amplify privacy, but the site cannot verify it.
                        accountant = new RdpAccountant(reg.config().dpNoiseMultiplier(), 1.0);
                    }
                }
                Task task = link.pullTask(runId);
                backoffMs = 50;
                if (task instanceof Task.Done) {
                    outcome = Outcome.DONE;
                    return;
                } else if (task instanceof Task.Wait w) {
                    Thread.sleep(w.retryAfter().toMillis());
                } else if (task instanceof Task.Train t) {
                    try {
                        train(reg, t);
                    } finally {
                        // The trainer copied what it needed and the update is its own array: the model goes back.
                        link.recycle(t.global());
                    }
                } else if (task instanceof Task.Evaluate e) {
                    try {
                        evaluate(reg, e);
                    } finally {
                        link.recycle(e.global());
                    }
                }
            } catch (LinkFailure f) {
                switch (f.action()) {
                    case STOP -> {
                        LOG.warn("site {} stops: {}", site, f.getMessage());
                        outcome = Outcome.NOT_ADMITTED;
                        return;
                    }
                    case REGISTER -> reg = null;
                    case DROP_RESULT -> LOG.info("site {} result dropped: {}", site, f.getMessage());
                    case RECONNECT -> {
                        LOG.info("site {} lost the coordinator ({}); retrying in {} ms", site, f.getMessage(), backoffMs);
                        reg = null;
                        if (!sleep(backoffMs)) {
                            break;
                        }
                        backoffMs = Math.min(backoffMs * 2, 2_000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (outcome == Outcome.RUNNING) {
            outcome = Outcome.STOPPED;
        }
    }

    private void evaluate(CoordinatorLink.Registration reg, Task.Evaluate e) throws LinkFailure, InterruptedException {
        EvaluationResult r = trainer.evaluate(e.global());
        MaskedCounts masked = null;
        if (e.exchange() != null) {
            try {
                masked = masked(r, e);
            } catch (IllegalArgumentException cannot) {
                // Named without this node's key (the coordinator knew an older one): masks made now would not
                // cancel. Sending nothing and waiting out the round lets its timeout drop this site from the exchange.
                LOG.warn("site {} cannot take part in calibration exchange {}: {}", site, e.exchange().id(),
                        cannot.getMessage());
                Thread.sleep(reg.config().roundTimeout().toMillis());
                return;
            }
        }
        // The calibration round only counts: its metrics would repeat the final evaluation's.
        Map<String, Double> metrics = e.round() > reg.config().rounds() + 1 ? Map.of() : prefixed("eval_", r.metrics());
        link.pushResult(runId, new SiteReport(e.round(), e.taskId(), TaskKind.EVALUATE, r.exampleCount(), metrics,
                epsilon(reg.config()), masked), null, null, reg.encoding());
    }

    /** The calibration counts the task asks for (histogram, or per group of its plan), masked for its exchange. */
    private MaskedCounts masked(EvaluationResult r, Task.Evaluate e) {
        if (maskingKey == null) {
            throw new IllegalArgumentException("this site registered no masking key");
        }
        // A learner without predictions still answers, with zero counts, so that its partners' masks cancel.
        SiteCalibration calibration = r.calibration() != null ? r.calibration() : new SiteCalibration(List.of());
        long[] counts = e.plan() == null ? calibration.histogram() : CountVector.of(calibration.groups(e.plan()));
        return maskingKey.mask(e.exchange(), site, calibration.cases(), counts);
    }

    private void train(CoordinatorLink.Registration reg, Task.Train t) throws LinkFailure {
        RunConfiguration cfg = reg.config();
        ModelWeights global = t.global();
        EvaluationResult before = trainer.evaluate(global);
        TrainingResult r = trainer.train(global, new RoundConfig(t.round(), cfg.localEpochs(), cfg.learningRate(),
                cfg.proximalMu(), seedFor(cfg.seed(), t.round())));
        float[] update = r.trained().values().clone();
        float[] g = global.values();
        for (int i = 0; i < update.length; i++) {
            update[i] -= g[i];
        }
        if (cfg.privacyOn()) {
            new UpdatePrivatizer(cfg.dpClipNorm(), cfg.dpNoiseMultiplier()).apply(update, noise);
            accountant.step();
            epsilonByRound.put(t.round(), accountant.epsilon(cfg.dpDelta()));
        }
        Map<String, Double> metrics = new HashMap<>(prefixed("eval_", before.metrics()));
        // The report's example count is the training count; the evaluation's own count weights it in the
        // federated (example-weighted) evaluation.
        metrics.put("eval_examples", (double) before.exampleCount());
        metrics.putAll(prefixed("train_", r.metrics()));
        link.pushResult(runId, new SiteReport(t.round(), t.taskId(), TaskKind.TRAIN, r.exampleCount(), metrics,
                epsilon(cfg)), global.layout(), update, reg.encoding());
    }

    private double epsilon(RunConfiguration cfg) {
        return accountant == null || accountant.steps() == 0 ? 0 : accountant.epsilon(cfg.dpDelta());
    }

    /** Epsilon spent after each round this site trained in (empty without DP). */
    public Map<Integer, Double> epsilonByRound() {
        return Map.copyOf(epsilonByRound);
    }

    private long seedFor(long runSeed, int round) {
        long h = 1125899906842597L;
        for (byte b : site.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return runSeed ^ (h * 0x9E3779B97F4A7C15L) ^ (round * 0xBF58476D1CE4E5B9L);
    }

    private static Map<String, Double> prefixed(String prefix, Map<String, Double> m) {
        Map<String, Double> out = new HashMap<>();
        m.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return false;
        }
    }

    /** Asks the node to stop after its current step (a site going offline). */
    public void stop() {
        stopping = true;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String site() {
        return site;
    }
}
