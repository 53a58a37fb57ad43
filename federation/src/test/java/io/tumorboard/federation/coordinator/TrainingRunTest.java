package io.tumorboard.federation.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.calibration.CalibrationCounts;
import io.tumorboard.federation.calibration.HeldOutRisk;
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

    private TrainingRun run(RunConfiguration cfg, Set<String> sites) throws Exception {
        return run(cfg, sites, new RoundListener() { });
    }

    private TrainingRun run(RunConfiguration cfg, Set<String> sites, RoundListener listener) throws Exception {
        TrainingRun run = new TrainingRun(cfg, new ModelWeights(LAYOUT, new float[4]), sites, dir,
                new AuditLog(dir.resolve("audit.jsonl"), clock), listener, clock);
        for (String s : sites) {
            run.register(s, EnumSet.allOf(UpdateEncoding.class));
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

    @Test
    void afterTheFinalEvaluationTheSitesThatSentRiskHistogramsAreAskedForGroupCountsAndTheTableIsPooled()
            throws Exception {
        List<List<CalibrationGroup>> tables = new ArrayList<>();
        TrainingRun run = run(RunConfiguration.of("cal", 1, 3, 3), Set.of("a", "b", "c"), new RoundListener() {
            @Override
            public void calibrated(String runId, int version, List<CalibrationGroup> table) {
                tables.add(table);
            }
        });
        answer(run, "a", (Task.Train) run.nextTask("a"), 1f, 10);
        answer(run, "b", (Task.Train) run.nextTask("b"), 1f, 10);
        answer(run, "c", (Task.Train) run.nextTask("c"), 1f, 10);
        // Final evaluation (round 2): a and b predict survival and send histograms; c's learner does not.
        List<HeldOutRisk> casesA = cases(20, 0.1);
        List<HeldOutRisk> casesB = cases(20, 0.5);
        evaluate(run, "a", CalibrationCounts.histogram(new SiteCalibration(casesA).histogram()));
        evaluate(run, "b", CalibrationCounts.histogram(new SiteCalibration(casesB).histogram()));
        evaluate(run, "c", null);

        Task.Evaluate calibration = (Task.Evaluate) run.nextTask("a");
        assertThat(calibration.round()).isEqualTo(3);
        assertThat(calibration.plan().groups()).isEqualTo(SurvivalEvaluation.calibrationGroups(40));
        assertThat(run.nextTask("c")).as("c sent no histogram: nothing to count").isInstanceOf(Task.Wait.class);
        assertThatThrownBy(() -> run.openResult("a", new SiteReport(3, calibration.taskId(), TaskKind.EVALUATE, 20,
                Map.of(), 0, CalibrationCounts.groups(new SiteCalibration(casesA).groups(calibration.plan())
                        .subList(0, 1))), null)).isInstanceOf(RefusedResult.class).hasMessageContaining("calibration");
        evaluate(run, "a", calibration, CalibrationCounts.groups(new SiteCalibration(casesA).groups(calibration.plan())));
        assertThat(tables).isEmpty();
        Task.Evaluate forB = (Task.Evaluate) run.nextTask("b");
        evaluate(run, "b", forB, CalibrationCounts.groups(new SiteCalibration(casesB).groups(forB.plan())));

        assertThat(run.finished()).isTrue();
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t).hasSize(calibration.plan().groups());
            assertThat(t.stream().mapToInt(CalibrationGroup::cases).sum()).isEqualTo(40);
        });
    }

    private void evaluate(TrainingRun run, String site, CalibrationCounts counts) throws Exception {
        evaluate(run, site, (Task.Evaluate) run.nextTask(site), counts);
    }

    private static void evaluate(TrainingRun run, String site, Task.Evaluate task, CalibrationCounts counts)
            throws Exception {
        run.completeResult(run.openResult(site, new SiteReport(task.round(), task.taskId(), TaskKind.EVALUATE, 20,
                Map.of(), 0, counts), null));
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
