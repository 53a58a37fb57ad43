package io.tumorboard.federation.run;

import io.tumorboard.federation.calibration.CalibrationPlan;
import io.tumorboard.federation.weights.ModelWeights;
import java.time.Duration;

/** The coordinator's answer to a site that asks for work. */
public sealed interface Task {

    TaskKind kind();

    /** Train from {@code global} on local data and answer with the update, naming round and task id. */
    record Train(int round, String taskId, ModelWeights global) implements Task {
        @Override
        public TaskKind kind() {
            return TaskKind.TRAIN;
        }
    }

    /**
     * Evaluate {@code global} on local held-out data and answer with metrics; in the calibration round
     * ({@code plan} not null) answer with the held-out cases' counts per calibration group of the plan.
     */
    record Evaluate(int round, String taskId, ModelWeights global, CalibrationPlan plan) implements Task {

        public Evaluate(int round, String taskId, ModelWeights global) {
            this(round, taskId, global, null);
        }

        @Override
        public TaskKind kind() {
            return TaskKind.EVALUATE;
        }
    }

    /** Nothing to do yet; ask again after {@code retryAfter}. */
    record Wait(Duration retryAfter) implements Task {
        @Override
        public TaskKind kind() {
            return TaskKind.WAIT;
        }
    }

    /** The run is over. */
    record Done() implements Task {
        @Override
        public TaskKind kind() {
            return TaskKind.DONE;
        }
    }
}
