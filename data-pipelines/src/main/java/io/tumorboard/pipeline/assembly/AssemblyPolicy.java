package io.tumorboard.pipeline.assembly;

import java.io.Serializable;

/**
 * When the assembler emits, and how long it waits for a patient that may never come.
 *
 * @param emitEveryChange true: a new case version on every accepted fragment (continuous mode); false: one
 *     version per case at the end of a bounded input (a training dataset wants one row per patient)
 * @param patientWaitMillis in continuous mode, how long (ms, processing time) a fragment waits for its Patient
 *     before it is rejected as {@code MISSING_PATIENT}; at the end of a bounded input it is rejected at once
 */
public record AssemblyPolicy(boolean emitEveryChange, long patientWaitMillis) implements Serializable {

    public static AssemblyPolicy bounded() {
        return new AssemblyPolicy(false, Long.MAX_VALUE);
    }

    public static AssemblyPolicy continuous(long patientWaitMillis) {
        return new AssemblyPolicy(true, patientWaitMillis);
    }
}
