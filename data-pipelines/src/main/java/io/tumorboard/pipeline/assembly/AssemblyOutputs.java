package io.tumorboard.pipeline.assembly;

import io.tumorboard.pipeline.ingest.RejectedRecord;
import org.apache.flink.util.OutputTag;

/** The side outputs of the pipeline's stages. */
public final class AssemblyOutputs {

    public static final OutputTag<RejectedRecord> REJECTED = new OutputTag<>("rejected") { };
    public static final OutputTag<DisplayIdentity> IDENTITIES = new OutputTag<>("display-identities") { };

    private AssemblyOutputs() {
    }
}
