package io.tumorboard.federation.transport;

import io.tumorboard.federation.v1.TaskPart;

/**
 * One message of a PullTask answer as the coordinator hands it to gRPC: a whole {@link TaskPart} (the task
 * header), or a run of the global model's values that {@link ModelChunkWriter} writes on the wire as a chunk
 * part when gRPC asks for the message's bytes, so that no chunk is first encoded into an array of its own.
 */
sealed interface OutgoingTaskPart {

    record Whole(TaskPart part) implements OutgoingTaskPart {
    }

    /**
     * {@code values[from, from + count)}, sent as fp32 little-endian. The array is the round's global model,
     * which nobody writes to once it is published, so reading it when the bytes are written is safe.
     */
    record Floats(float[] values, int from, int count) implements OutgoingTaskPart {
    }
}
