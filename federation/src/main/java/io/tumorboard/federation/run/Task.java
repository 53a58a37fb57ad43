package io.tumorboard.federation.run;

import io.tumorboard.federation.calibration.CalibrationPlan;
import io.tumorboard.federation.calibration.MaskedExchange;
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
     * Evaluate {@code global} on local held-out data and answer with metrics. When {@code exchange} is not null, also
     * answer with the held-out cases' calibration counts masked for it: the risk histogram, or with a {@code plan}
     * the counts per calibration group of the plan.
     */
    record Evaluate(int round, String taskId, ModelWeights global, CalibrationPlan plan, MaskedExchange exchange)
            implements Task {

        public Evaluate {
            if (plan != null && exchange == null) {
                throw new IllegalArgumentException("group counts are only ever asked for masked");
            }
        }

        public Evaluate(int round, String taskId, ModelWeights global) {
            this(round, taskId, global, null, null);
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
