package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.calibration.CalibrationPlan;
import io.tumorboard.federation.calibration.CountVector;
import io.tumorboard.federation.calibration.MaskedCounts;
import io.tumorboard.federation.calibration.MaskedExchange;
import io.tumorboard.federation.calibration.PooledCalibration;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of a run's masked calibration exchanges. The final evaluation (round R+1) asks every site
 * that registered a masking key for its risk histogram, masked; the calibration round (R+2) asks the same sites for
 * their counts per group of the plan cut from the pooled histogram, masked. The coordinator only ever adds the
 * masked words up: it sees the sum over sites, never one site's counts.
 * <p>
 * A participant that does not answer before its round's timeout leaves its partners' masks in the sum, so the
 * exchange is useless: the sites that did answer are named in a new exchange (new id, so new masks) that starts
 * again from the histogram, and the new exchange is journalled. Fewer than two participants, or fewer than two
 * with held-out cases (their clear case counts say so before anything is added): no table, since the sum would be
 * one site's counts.
 */
final class CalibrationExchanges {

    private static final Logger LOG = LoggerFactory.getLogger(CalibrationExchanges.class);
    private static final SecureRandom IDS = new SecureRandom();

    /** What the run does once the round holding an exchange is over. */
    enum Next { CALIBRATION_ROUND, FINISH }

    private final String runId;
    private final int finalEvaluation;
    private final RunCheckpoint checkpoint;
    private final RoundListener listener;
    private final Set<String> closedIds = new HashSet<>();
    private final Map<String, MaskedCounts> received = new TreeMap<>();
    private MaskedExchange exchange;
    private CalibrationPlan plan;
    private long[] pooledHistogram;
    private List<String> resumedParticipants;
    private List<CalibrationGroup> table;

    CalibrationExchanges(String runId, int trainingRounds, RunCheckpoint checkpoint, RoundListener listener) {
        this.runId = runId;
        this.finalEvaluation = trainingRounds + 1;
        this.checkpoint = checkpoint;
        this.listener = listener;
    }

    /** Continues from a checkpointed plan: the next exchange asks its participants for their group counts. */
    void resume(RunCheckpoint.Calibration saved) {
        plan = saved.plan();
        pooledHistogram = saved.pooledHistogram();
        resumedParticipants = saved.participants();
    }

    /** The participants of a checkpointed plan whose group counts are still to be asked for; empty otherwise. */
    List<String> resumedParticipants() {
        return resumedParticipants == null ? List.of() : resumedParticipants;
    }

    /** Opens the final evaluation's histogram exchange among the sites that registered a masking key. */
    void openFinalEvaluation(SortedMap<String, byte[]> keys) {
        if (!open(finalEvaluation, List.copyOf(keys.keySet()), null, keys, List.of()) && !keys.isEmpty()) {
            // One site alone could only ever be summed with itself (a run without survival learners has none).
            LOG.info("run {}: only {} registered a masking key; no calibration table", runId, keys.keySet());
        }
    }

    /**
     * After a restart during the calibration round: the checkpointed participants that registered again are asked
     * for their group counts, or, when some did not come back in time, the others start again from the histogram.
     */
    Next resumeCalibration(SortedMap<String, byte[]> keys) {
        List<String> back = resumedParticipants.stream().filter(keys::containsKey).toList();
        List<String> missing = resumedParticipants.stream().filter(s -> !keys.containsKey(s)).toList();
        resumedParticipants = null;
        if (missing.isEmpty()) {
            return open(finalEvaluation + 1, back, plan, keys, List.of()) ? Next.CALIBRATION_ROUND : Next.FINISH;
        }
        plan = null;
        pooledHistogram = null;
        return open(finalEvaluation + 1, back, null, keys, missing) ? Next.CALIBRATION_ROUND : Next.FINISH;
    }

    /** Whether {@code site} still owes counts to the exchange of {@code round}. */
    boolean asks(String site, int round) {
        return exchange != null && exchange.round() == round && exchange.includes(site) && !received.containsKey(site);
    }

    MaskedExchange exchange() {
        return exchange;
    }

    /** The plan the current exchange counts groups of; null when it asks for the histogram. */
    CalibrationPlan plan() {
        return exchange == null ? null : plan;
    }

    /** Whether {@code exchangeId} named an exchange that is over (its counts come too late, not malformed). */
    boolean closed(String exchangeId) {
        return closedIds.contains(exchangeId);
    }

    /** Words a site's counts must have for the current exchange. */
    int words() {
        return CountVector.length(plan);
    }

    void accept(String site, MaskedCounts counts) {
        received.put(site, counts);
    }

    /** True when there is no exchange or every participant has answered it. */
    boolean complete() {
        return exchange == null || received.keySet().containsAll(exchange.sites());
    }

    /** The pooled table, once the group counts were summed. */
    Optional<List<CalibrationGroup>> table() {
        return Optional.ofNullable(table);
    }

    /**
     * The round holding the current exchange is over (every participant answered, or its timeout passed): sums the
     * masked counts when that is safe and useful, then opens the next exchange or ends the calibration.
     */
    Next roundOver(SortedMap<String, byte[]> keys) {
        if (exchange == null) {
            return Next.FINISH;
        }
        MaskedExchange over = exchange;
        closedIds.add(over.id());
        exchange = null;
        if (!received.keySet().containsAll(over.sites())) {
            List<String> answered = List.copyOf(received.keySet());
            List<String> dropped = over.sites().stream().filter(s -> !received.containsKey(s)).toList();
            LOG.warn("run {}: calibration exchange {} timed out without {}; asking {} again", runId, over.id(),
                    dropped, answered);
            plan = null;
            pooledHistogram = null;
            return open(finalEvaluation + 1, answered, null, keys, dropped) ? Next.CALIBRATION_ROUND : Next.FINISH;
        }
        long holdingCases = received.values().stream().filter(m -> m.cases() > 0).count();
        if (holdingCases < 2) {
            // Checked on the clear case counts, before anything is added: the sum would be one site's counts.
            LOG.warn("run {}: {} of the exchange's sites hold held-out cases, fewer than 2; no calibration table",
                    runId, holdingCases);
            return Next.FINISH;
        }
        long clearCases = received.values().stream().mapToLong(MaskedCounts::cases).sum();
        long[] sum = MaskedCounts.sum(received.values(), CountVector.length(plan));
        try {
            if (CountVector.cases(sum, plan) != clearCases) {
                throw new IllegalArgumentException("the summed counts hold " + CountVector.cases(sum, plan)
                        + " cases, the sites declared " + clearCases + ": the masks did not cancel");
            }
            if (plan == null) {
                pooledHistogram = CountVector.histogram(sum);
                plan = CalibrationPlan.of(pooledHistogram);
                checkpoint(over.sites());
                LOG.info("run {}: {} calibration groups from the pooled histogram of {}", runId, plan.groups(),
                        over.sites());
                return open(finalEvaluation + 1, over.sites(), plan, keys, List.of()) ? Next.CALIBRATION_ROUND
                        : Next.FINISH;
            }
            table = PooledCalibration.table(pooledHistogram, plan, CountVector.groups(sum));
        } catch (IllegalArgumentException e) {
            LOG.warn("run {}: no calibration table: {}", runId, e.getMessage());
        }
        return Next.FINISH;
    }

    /** R+1's result, so that a coordinator restarted during R+2 resumes R+2 instead of redoing R+1. */
    private void checkpoint(List<String> participants) {
        try {
            checkpoint.saveCalibration(finalEvaluation - 1,
                    new RunCheckpoint.Calibration(participants, pooledHistogram, plan));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot checkpoint the calibration plan of run " + runId, e);
        }
    }

    /** A new exchange among {@code sites} (those with a key), journalled; false when fewer than 2 remain. */
    private boolean open(int round, List<String> sites, CalibrationPlan groupsOf, SortedMap<String, byte[]> keys,
                         List<String> dropped) {
        received.clear();
        List<MaskedExchange.Participant> participants = new ArrayList<>();
        sites.stream().sorted().filter(keys::containsKey)
                .forEach(s -> participants.add(new MaskedExchange.Participant(s, keys.get(s))));
        if (participants.size() < 2) {
            if (!dropped.isEmpty()) {
                LOG.warn("run {}: fewer than 2 sites left for the calibration exchange; no calibration table", runId);
            }
            exchange = null;
            return false;
        }
        byte[] id = new byte[16];
        IDS.nextBytes(id);
        plan = groupsOf;
        exchange = new MaskedExchange(runId, round, HexFormat.of().formatHex(id), participants);
        listener.exchangeOpened(new ExchangeOpened(runId, round, exchange.id(),
                groupsOf == null ? ExchangeOpened.Counts.RISK_HISTOGRAM : ExchangeOpened.Counts.GROUP_COUNTS,
                exchange.sites(), List.copyOf(dropped)));
        return true;
    }
}
