package io.tumorboard.pipeline.job;

import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.pipeline.assembly.AssemblyOutputs;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.Decoded;
import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordDecoder;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Decodes raw records; counts every record in, and every skip under its reason. */
final class DecodeRecords extends ProcessFunction<RawRecord, CaseFragment> {

    private static final long serialVersionUID = 1L;

    private final String site;
    private final byte[] siteSecret;
    private transient RecordDecoder decoder;
    private transient LongCounter in;
    private transient LongMinimum firstRead;

    DecodeRecords(String site, byte[] siteSecret) {
        this.site = site;
        this.siteSecret = siteSecret.clone();
    }

    @Override
    public void open(OpenContext context) {
        decoder = new RecordDecoder(new PatientKey(site, siteSecret));
        in = getRuntimeContext().getLongCounter(Counters.IN);
        firstRead = new LongMinimum();
        getRuntimeContext().addAccumulator(Counters.FIRST_READ, firstRead);
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<CaseFragment> out) {
        in.add(1);
        firstRead.add(record.readAtMillis());
        Decoded decoded = decoder.decode(record);
        if (decoded.fragment() != null) {
            out.collect(decoded.fragment());
        } else if (decoded.rejection() != null) {
            ctx.output(AssemblyOutputs.REJECTED, decoded.rejection());
        } else {
            getRuntimeContext().getLongCounter(Counters.SKIPPED_PREFIX + decoded.skipReason()).add(1);
        }
    }
}
