package io.tumorboard.pipeline.assembly;

import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.Payloads;
import io.tumorboard.pipeline.ingest.PatientFacts;
import io.tumorboard.pipeline.ingest.RejectionCode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by FHIR Patient id: gives every resource of that patient its pseudonymous case key. Resources that
 * arrive before their Patient wait in keyed state; see the package documentation for how long.
 */
public final class PatientLinker extends KeyedProcessFunction<String, CaseFragment, CaseFragment> {

    private static final long serialVersionUID = 1L;

    private final String site;
    private final byte[] siteSecret;
    private final AssemblyPolicy policy;
    private transient PatientKey keys;
    private transient ValueState<String> caseKey;
    private transient ValueState<String> patientSource;
    private transient ListState<CaseFragment> waiting;

    public PatientLinker(String site, byte[] siteSecret, AssemblyPolicy policy) {
        this.site = site;
        this.siteSecret = siteSecret.clone();
        this.policy = policy;
    }

    @Override
    public void open(OpenContext context) {
        keys = new PatientKey(site, siteSecret);
        caseKey = getRuntimeContext().getState(new ValueStateDescriptor<>("case-key", String.class));
        patientSource = getRuntimeContext().getState(new ValueStateDescriptor<>("patient-source", String.class));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", CaseFragment.class));
    }

    @Override
    public void processElement(CaseFragment fragment, Context ctx, Collector<CaseFragment> out) throws Exception {
        if (fragment.kind() == FragmentKind.PATIENT) {
            if (caseKey.value() != null) {
                ctx.output(AssemblyOutputs.REJECTED, fragment.reject(RejectionCode.DUPLICATE,
                        "duplicate Patient resource, first read at " + patientSource.value()));
                return;
            }
            String key = keys.of(Payloads.read(fragment.payload(), PatientFacts.class).mrn());
            caseKey.update(key);
            patientSource.update(fragment.file() + " line " + fragment.line());
            out.collect(fragment.withCaseKey(key));
            for (CaseFragment held : waiting.get()) {
                out.collect(held.withCaseKey(key));
            }
            waiting.clear();
            return;
        }
        String key = caseKey.value();
        if (key != null) {
            out.collect(fragment.withCaseKey(key));
            return;
        }
        waiting.add(fragment);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        if (policy.patientWaitMillis() != Long.MAX_VALUE) {
            ctx.timerService().registerProcessingTimeTimer(
                    ctx.timerService().currentProcessingTime() + policy.patientWaitMillis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CaseFragment> out) throws Exception {
        if (caseKey.value() != null) {
            return;
        }
        String why = timestamp == Long.MAX_VALUE ? "the export ended without it"
                : "it did not arrive within " + policy.patientWaitMillis() / 1000 + " s";
        for (CaseFragment held : waiting.get()) {
            ctx.output(AssemblyOutputs.REJECTED, held.reject(RejectionCode.MISSING_PATIENT,
                    "refers to Patient/" + ctx.getCurrentKey() + ", and " + why));
        }
        waiting.clear();
    }
}
