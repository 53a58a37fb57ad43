package io.tumorboard.pipeline.job;

import io.tumorboard.pipeline.assembly.AssemblyOutputs;
import io.tumorboard.pipeline.assembly.AssemblyPolicy;
import io.tumorboard.pipeline.assembly.CaseAssembler;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.assembly.DisplayIdentity;
import io.tumorboard.pipeline.assembly.EncodedCase;
import io.tumorboard.pipeline.assembly.PatientLinker;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RejectedRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline's dataflow. Source and sinks are arguments; the stateful operators carry stable uids.
 *
 * <pre>
 * source ─ decode ─┬─ (FHIR, by Patient id) ─ link patients ─┐
 *                  └─ (radiomics, reports: key known) ───────┴─ by case key ─ assemble ─ cases ─ sinks
 * rejections of decode, link and assemble ─ count ─ dead-letter sinks;   display identities ─ case store
 * </pre>
 */
public final class CaseJob {

    private final String site;
    private final byte[] siteSecret;
    private final CaseRules rules;
    private final AssemblyPolicy policy;

    public CaseJob(String site, byte[] siteSecret, CaseRules rules, AssemblyPolicy policy) {
        this.site = site;
        this.siteSecret = siteSecret.clone();
        this.rules = rules;
        this.policy = policy;
    }

    public void build(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source, JobOutputs outputs) {
        DataStream<RawRecord> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "export files")
                .uid("export-source");
        SingleOutputStreamOperator<CaseFragment> decoded = raw
                .process(new DecodeRecords(site, siteSecret)).uid("decode").name("decode records");
        SingleOutputStreamOperator<CaseFragment> linked = decoded
                .filter(f -> !f.patientRef().isEmpty()).name("FHIR fragments")
                .keyBy(CaseFragment::patientRef)
                .process(new PatientLinker(site, siteSecret, policy)).uid("link-patients").name("link patients");
        DataStream<CaseFragment> keyed = decoded.filter(f -> f.patientRef().isEmpty()).name("MRN-keyed fragments");
        SingleOutputStreamOperator<EncodedCase> cases = linked.union(keyed)
                .keyBy(CaseFragment::caseKey)
                .process(new CaseAssembler(site, rules, policy)).uid("assemble-cases").name("assemble cases");

        DataStream<EncodedCase> counted = cases.map(new CountCases()).name("count cases");
        for (Sink<EncodedCase> sink : outputs.cases()) {
            counted.sinkTo(sink).name("cases → " + sink.getClass().getSimpleName());
        }
        DataStream<RejectedRecord> rejected = decoded.getSideOutput(AssemblyOutputs.REJECTED)
                .union(linked.getSideOutput(AssemblyOutputs.REJECTED), cases.getSideOutput(AssemblyOutputs.REJECTED))
                .map(new CountRejections()).name("count rejections");
        for (Sink<RejectedRecord> sink : outputs.deadLetters()) {
            rejected.sinkTo(sink).name("dead letters → " + sink.getClass().getSimpleName());
        }
        DataStream<DisplayIdentity> identities = cases.getSideOutput(AssemblyOutputs.IDENTITIES);
        for (Sink<DisplayIdentity> sink : outputs.identities()) {
            identities.sinkTo(sink).name("display identities");
        }
    }
}
