package io.tumorboard.federation.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site node gives each task's global model back to its link once the task is answered, and only then. */
class SiteNodeTest {

    @TempDir
    Path dir;

    @Test
    void theGlobalModelOfATrainingAndOfAnEvaluationTaskIsGivenBackAfterItsResultIsPushed() {
        RunConfiguration cfg = RunConfiguration.of("r", 2, 1, 1).withTraining(1, 0.1, Duration.ofSeconds(5), 1L);
        ModelLayout layout = ModelLayout.flat("w", 4);
        ModelWeights trainOn = new ModelWeights(layout, new float[] {1, 2, 3, 4});
        ModelWeights evaluate = new ModelWeights(layout, new float[] {5, 6, 7, 8});
        List<String> events = new ArrayList<>();
        Deque<Task> tasks = new ArrayDeque<>(List.of(new Task.Train(1, "t1", trainOn),
                new Task.Evaluate(2, "t2", evaluate), new Task.Done()));
        CoordinatorLink link = new CoordinatorLink() {
            @Override
            public Registration register(String runId, Set<UpdateEncoding> supported, byte[] key) {
                return new Registration(cfg, UpdateEncoding.FP32);
            }

            @Override
            public Task pullTask(String runId) {
                return tasks.removeFirst();
            }

            @Override
            public void pushResult(String runId, SiteReport report, ModelLayout l, float[] update, UpdateEncoding e) {
                events.add("push " + report.taskId());
            }

            @Override
            public void recycle(ModelWeights model) {
                events.add(model == trainOn ? "recycle t1" : model == evaluate ? "recycle t2" : "recycle other");
            }
        };
        LocalTrainer trainer = new LocalTrainer() {
            @Override
            public ModelWeights initialModel() {
                return trainOn;
            }

            @Override
            public TrainingResult train(ModelWeights global, RoundConfig c) {
                return new TrainingResult(new ModelWeights(layout, global.values().clone()), 1, Map.of());
            }

            @Override
            public EvaluationResult evaluate(ModelWeights weights) {
                return new EvaluationResult(1, Map.of());
            }
        };
        ApprovedRuns approvals = new ApprovedRuns(dir.resolve("approved.txt"));
        approvals.approve(cfg);

        SiteNode node = new SiteNode("site-a", "r", link, trainer, approvals, new Random(1));
        node.run();

        assertThat(node.outcome()).isEqualTo(SiteNode.Outcome.DONE);
        assertThat(events).containsExactly("push t1", "recycle t1", "push t2", "recycle t2");
    }
}
