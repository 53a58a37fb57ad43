package io.tumorboard.pipeline.job;

import io.tumorboard.pipeline.assembly.EncodedCase;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts the case versions emitted. */
final class CountCases extends RichMapFunction<EncodedCase, EncodedCase> {

    private static final long serialVersionUID = 1L;

    private transient LongCounter cases;

    @Override
    public void open(OpenContext context) {
        cases = getRuntimeContext().getLongCounter(Counters.CASES);
    }

    @Override
    public EncodedCase map(EncodedCase value) {
        cases.add(1);
        return value;
    }
}
