package io.tumorboard.pipeline.job;

import io.tumorboard.pipeline.ingest.RejectedRecord;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts the dead letters of every stage in one place, before they reach their sinks. */
final class CountRejections extends RichMapFunction<RejectedRecord, RejectedRecord> {

    private static final long serialVersionUID = 1L;

    private transient LongCounter rejected;

    @Override
    public void open(OpenContext context) {
        rejected = getRuntimeContext().getLongCounter(Counters.REJECTED);
    }

    @Override
    public RejectedRecord map(RejectedRecord record) {
        rejected.add(1);
        return record;
    }
}
