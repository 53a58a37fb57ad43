package io.tumorboard.pipeline.job;

import io.tumorboard.pipeline.assembly.DisplayIdentity;
import io.tumorboard.pipeline.assembly.EncodedCase;
import io.tumorboard.pipeline.ingest.RejectedRecord;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * The sinks a job writes to; the production set is the case store, the case dataset and the dead-letter file.
 *
 * @param cases sinks for every case version
 * @param deadLetters sinks for every rejected record
 * @param identities sinks for display identities (the site's own case store only)
 */
public record JobOutputs(
        List<Sink<EncodedCase>> cases,
        List<Sink<RejectedRecord>> deadLetters,
        List<Sink<DisplayIdentity>> identities) {
}
