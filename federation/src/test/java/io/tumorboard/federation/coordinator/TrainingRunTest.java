package io.tumorboard.federation.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.calibration.CountVector;
import io.tumorboard.federation.calibration.HeldOutRisk;
import io.tumorboard.federation.calibration.MaskedCounts;
import io.tumorboard.federation.calibration.MaskingKey;
import io.tumorboard.federation.calibration.SiteCalibration;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

    private static final ModelLayout LAYOUT = ModelLayout.flat("w", 4);

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final HandClock clock = new HandClock();
    /** The sites' masking keys: one per site for the whole test, as a site node keeps one per run. */
    private final Map<String, MaskingKey> keys = new HashMap<>();

    private TrainingRun run(RunConfiguration cfg, Set<String> sites) throws Exception {
        return run(cfg, sites, new RoundListener() { }, Set.of());
    }

    /** A run with {@code sites} registered; those in {@code calibrating} with a masking key. */
    private TrainingRun run(RunConfiguration cfg, Set<String> sites, RoundListener listener, Set<String> calibrating)
            throws Exception {
        TrainingRun run = new TrainingRun(cfg, new ModelWeights(LAYOUT, new float[4]), sites, dir,
                new AuditLog(dir.resolve("audit.jsonl"), clock), listener, clock);
        for (String s : sites) {
            run.register(s, EnumSet.allOf(UpdateEncoding.class), calibrating.contains(s)
                    ? keys.computeIfAbsent(s, k -> MaskingKey.generate()).publicKey() : null);
        }
        return run;
    }

    private static void answer(TrainingRun run, String site, Task.Train t, float value, long examples) throws Exception {
        float[] u = {value, value, value, value};
        PayloadEncoder enc = PayloadEncoder.forValues(LAYOUT, UpdateEncoding.FP32, u);
        ResultIntake intake = run.openResult(site, new SiteReport(t.round(), t.taskId(), TaskKind.TRAIN, examples,
                Map.of(), 0), PayloadHeader.of(enc, LAYOUT, u));
        Iterator<ByteBuffer> chunks = enc.chunks(u, 6);
        while (chunks.hasNext()) {
            intake.append(chunks.next());
        }
        run.completeResult(intake);
    }

    @Test
    void aRoundClosesWhenEverySelectedSiteAnsweredWithTheExampleWeightedMean() throws Exception {
        TrainingRun run = run(RunConfiguration.of("r", 2, 2, 2), Set.of("a", "b"));
        answer(run, "a", (Task.Train) run.nextTask("a"), 1f, 30);
        assertThat(run.completedRounds()).isZero();
        answer(run, "b", (Task.Train) run.nextTask("b"), 5f, 10);
        assertThat(run.completedRounds()).isEqualTo(1);
        assertThat(run.global().values()).containsOnly((30 * 1f + 10 * 5f) / 40f);
    }

    @Test
    void atItsTimeoutARoundClosesWithItsQuorumOrIsOpenedAgainBelowIt() throws Exception {
        RunConfiguration cfg = RunConfiguration.of("t", 3, 3, 2).withTraining(1, 0.1, Duration.ofSeconds(10), 1L);
        TrainingRun run = run(cfg, Set.of("a", "b", "c"));
        Task.Train ta = (Task.Train) run.nextTask("a");
        run.nextTask("b");
        run.nextTask("c");
        answer(run, "a", ta, 1f, 10);
        clock.advance(Duration.ofSeconds(11));
        run.tick();
        assertThat(run.completedRounds()).as("1 answer < min 2: round 1 reopened").isZero();
        Task.Train a2 = (Task.Train) run.nextTask("a");
        Task.Train b2 = (Task.Train) run.nextTask("b");
        assertThat(a2.round()).isEqualTo(1);
        answer(run, "a", a2, 1f, 10);
        answer(run, "b", b2, 3f, 10);
        clock.advance(Duration.ofSeconds(11));
        run.tick();
        assertThat(run.completedRounds()).as("2 answers = quorum: closed without c").isEqualTo(1);
        assertThat(run.global().values()).containsOnly(2f);
    }

    @Test
    void aResultFromAnEarlierTaskOfTheSameSiteIsStaleAndARepeatIsAReplayBothAudited() throws Exception {
        TrainingRun run = run(RunConfiguration.of("s", 2, 2, 2), Set.of("a", "b"));
        Task.Train first = (Task.Train) run.nextTask("a");
        Task.Train second = (Task.Train) run.nextTask("a");
        assertThatThrownBy(() -> answer(run, "a", first, 1f, 10)).isInstanceOf(RefusedResult.class)
                .hasMessageContaining("current round");
        answer(run, "a", second, 1f, 10);
        assertThatThrownBy(() -> answer(run, "a", second, 1f, 10)).isInstanceOf(RefusedResult.class)
                .hasMessageContaining("already answered");
        assertThat(new AuditLog(dir.resolve("audit.jsonl"), clock).entries()).extracting(AuditLog.AuditEntry::event)
                .containsExactly(AuditEvent.STALE_UPDATE, AuditEvent.REPLAYED_UPDATE);
    }

    @Test
    void aNewInstanceOverTheSameFolderResumesAfterTheLastClosedRound() throws Exception {
        RunConfiguration cfg = RunConfiguration.of("c", 3, 1, 1);
        TrainingRun first = run(cfg, Set.of("a"));
        answer(first, "a", (Task.Train) first.nextTask("a"), 0.5f, 10);
        TrainingRun resumed = run(cfg, Set.of("a"));
        assertThat(resumed.completedRounds()).isEqualTo(1);
        assertThat(resumed.global().values()).containsOnly(0.5f);
        assertThat(((Task.Train) resumed.nextTask("a")).round()).isEqualTo(2);
        assertThatThrownBy(() -> run(RunConfiguration.of("c", 4, 1, 1), Set.of("a")))
                .hasMessageContaining("differently configured run");
    }

    /** Records what a run tells its listener about calibration. */
    private static final class CalibrationListener implements RoundListener {
        final List<List<CalibrationGroup>> tables = new ArrayList<>();
        final List<ExchangeOpened> exchanges = new ArrayList<>();
        int finalEvaluations;

        @Override
        public void calibrated(String runId, int version, List<CalibrationGroup> table) {
            tables.add(table);
        }

        @Override
        public void exchangeOpened(ExchangeOpened exchange) {
            exchanges.add(exchange);
        }

        @Override
        public void finalEvaluationClosed(String runId, int version, Map<String, SiteReport> reports) {
            finalEvaluations++;
        }
    }

    private void trainOneRound(TrainingRun run, String... sites) throws Exception {
        for (String s : sites) {
            answer(run, s, (Task.Train) run.nextTask(s), 1f, 10);
        }
    }

    @Test
    void sitesWithAMaskingKeySendMaskedHistogramsThenMaskedGroupCountsAndOnlyTheSumBecomesTheTable() throws Exception {
        CalibrationListener heard = new CalibrationListener();
        TrainingRun run = run(RunConfiguration.of("cal", 1, 3, 3), Set.of("a", "b", "c"), heard, Set.of("a", "b"));
        trainOneRound(run, "a", "b", "c");
        // Final evaluation (round 2): a and b predict survival and registered keys; c's learner does not.
        Task.Evaluate forA = (Task.Evaluate) run.nextTask("a");
        assertThat(forA.exchange().sites()).containsExactly("a", "b");
        assertThat(forA.plan()).as("the histogram first").isNull();
        assertThat(((Task.Evaluate) run.nextTask("c")).exchange()).isNull();
        counts(run, "a", forA, cases(20, 0.1));
        counts(run, "b", cases(20, 0.5));
        counts(run, "c", List.of());

        Task.Evaluate calibration = (Task.Evaluate) run.nextTask("a");
        assertThat(calibration.round()).isEqualTo(3);
        assertThat(calibration.plan().groups()).isEqualTo(SurvivalEvaluation.calibrationGroups(40));
        assertThat(calibration.exchange().id()).isNotEqualTo(forA.exchange().id());
        assertThat(run.nextTask("c")).as("c sent no counts: nothing to count").isInstanceOf(Task.Wait.class);
        assertThatThrownBy(() -> run.openResult("a", new SiteReport(3, calibration.taskId(), TaskKind.EVALUATE, 20,
                Map.of(), 0, new MaskedCounts(calibration.exchange().id(), 20, new long[3])), null))
                .isInstanceOf(RefusedResult.class).hasMessageContaining("masked exchange");
        counts(run, "a", calibration, cases(20, 0.1));
        assertThat(heard.tables).isEmpty();
        counts(run, "b", cases(20, 0.5));

        assertThat(run.finished()).isTrue();
        assertThat(heard.exchanges).extracting(ExchangeOpened::counts)
                .containsExactly(ExchangeOpened.Counts.RISK_HISTOGRAM, ExchangeOpened.Counts.GROUP_COUNTS);
        assertThat(heard.tables).singleElement().satisfies(t -> {
            assertThat(t).hasSize(calibration.plan().groups());
            assertThat(t.stream().mapToInt(CalibrationGroup::cases).sum()).isEqualTo(40);
        });
    }

    @Test
    void whenAParticipantDoesNotAnswerTheOthersAreAskedAgainInANewJournalledExchange() throws Exception {
        CalibrationListener heard = new CalibrationListener();
        RunConfiguration cfg = RunConfiguration.of("drop", 1, 3, 3).withTraining(1, 0.1, Duration.ofSeconds(10), 1L);
        TrainingRun run = run(cfg, Set.of("a", "b", "c"), heard, Set.of("a", "b", "c"));
        trainOneRound(run, "a", "b", "c");
        counts(run, "a", cases(20, 0.1));
        counts(run, "b", cases(20, 0.5));
        Task.Evaluate lost = (Task.Evaluate) run.nextTask("c"); // c takes its task and is never heard of again

        clock.advance(Duration.ofSeconds(11));
        run.tick();

        ExchangeOpened again = heard.exchanges.get(1);
        assertThat(again.round()).isEqualTo(3);
        assertThat(again.participants()).containsExactly("a", "b");
        assertThat(again.dropped()).containsExactly("c");
        assertThat(again.exchangeId()).isNotEqualTo(lost.exchange().id());
        assertThat(again.counts()).as("the sum of a and b's histograms was never formed: start from it again")
                .isEqualTo(ExchangeOpened.Counts.RISK_HISTOGRAM);
        assertThat(run.nextTask("c")).isInstanceOf(Task.Wait.class);
        counts(run, "a", cases(20, 0.1));
        counts(run, "b", cases(20, 0.5));
        counts(run, "a", cases(20, 0.1));
        counts(run, "b", cases(20, 0.5));

        assertThat(heard.tables).singleElement().satisfies(t ->
                assertThat(t.stream().mapToInt(CalibrationGroup::cases).sum()).isEqualTo(40));
    }

    @Test
    void withFewerThanTwoParticipantsHoldingCasesThereIsNoTableAndNothingIsSummed() throws Exception {
        CalibrationListener heard = new CalibrationListener();
        TrainingRun run = run(RunConfiguration.of("few", 1, 2, 2), Set.of("a", "b"), heard, Set.of("a", "b"));
        trainOneRound(run, "a", "b");
        counts(run, "a", cases(20, 0.1));
        counts(run, "b", List.of()); // b has no held-out case: the "sum" would be a's histogram

        assertThat(run.finished()).isTrue();
        assertThat(heard.exchanges).hasSize(1);
        assertThat(heard.tables).isEmpty();
    }

    @Test
    void aLoneSiteWithAMaskingKeyIsNeverAskedForCounts() throws Exception {
        CalibrationListener heard = new CalibrationListener();
        TrainingRun run = run(RunConfiguration.of("lone", 1, 2, 2), Set.of("a", "b"), heard, Set.of("a"));
        trainOneRound(run, "a", "b");

        assertThat(((Task.Evaluate) run.nextTask("a")).exchange()).isNull();
        counts(run, "a", cases(20, 0.1));
        counts(run, "b", List.of());
        assertThat(run.finished()).isTrue();
        assertThat(heard.exchanges).isEmpty();
    }

    @Test
    void aCoordinatorRestartedDuringTheCalibrationRoundResumesItWithTheCheckpointedPlan() throws Exception {
        CalibrationListener before = new CalibrationListener();
        RunConfiguration cfg = RunConfiguration.of("resume", 1, 2, 2);
        TrainingRun first = run(cfg, Set.of("a", "b"), before, Set.of("a", "b"));
        trainOneRound(first, "a", "b");
        counts(first, "a", cases(20, 0.1));
        counts(first, "b", cases(20, 0.5));
        Task.Evaluate cut = (Task.Evaluate) first.nextTask("a");
        assertThat(cut.round()).isEqualTo(3);

        // The first coordinator dies here; a new one starts over the same folder and the sites register again.
        CalibrationListener after = new CalibrationListener();
        TrainingRun resumed = run(cfg, Set.of("a", "b"), after, Set.of("a", "b"));

        assertThat(resumed.completedRounds()).isEqualTo(1);
        Task.Evaluate again = (Task.Evaluate) resumed.nextTask("a");
        assertThat(again.round()).as("R+2 resumed, not R+1 redone").isEqualTo(3);
        assertThat(again.plan().startBins()).containsExactly(cut.plan().startBins());
        assertThat(again.exchange().id()).isNotEqualTo(cut.exchange().id());
        counts(resumed, "a", again, cases(20, 0.1));
        counts(resumed, "b", cases(20, 0.5));

        assertThat(after.finalEvaluations).isZero();
        assertThat(before.finalEvaluations).isEqualTo(1);
        assertThat(after.tables).singleElement().satisfies(t ->
                assertThat(t.stream().mapToInt(CalibrationGroup::cases).sum()).isEqualTo(40));
    }

    private void counts(TrainingRun run, String site, List<HeldOutRisk> cases) throws Exception {
        counts(run, site, (Task.Evaluate) run.nextTask(site), cases);
    }

    /** A site's answer to an evaluation: its calibration counts, masked, when the task names an exchange. */
    private void counts(TrainingRun run, String site, Task.Evaluate task, List<HeldOutRisk> cases) throws Exception {
        SiteCalibration calibration = new SiteCalibration(cases);
        MaskedCounts masked = task.exchange() == null ? null : keys.get(site).mask(task.exchange(), site,
                calibration.cases(), task.plan() == null ? calibration.histogram()
                        : CountVector.of(calibration.groups(task.plan())));
        run.completeResult(run.openResult(site, new SiteReport(task.round(), task.taskId(), TaskKind.EVALUATE,
                cases.size(), Map.of(), 0, masked), null));
    }

    /** Cases with predicted risks 0.01 apart from {@code lowest}, each followed for 2 years without an event. */
    private static List<HeldOutRisk> cases(int n, double lowest) {
        List<HeldOutRisk> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(new HeldOutRisk(lowest + 0.01 * i, 730, false));
        }
        return cases;
    }
}
