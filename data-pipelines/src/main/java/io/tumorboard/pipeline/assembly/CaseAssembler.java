package io.tumorboard.pipeline.assembly;

import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.PatientFacts;
import io.tumorboard.pipeline.ingest.Payloads;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by pseudonymous case key: keeps every fragment of the patient, rejects duplicates, and emits a case
 * version whose number is the count of fragments folded in (so the same fragments always give the same version).
 * A case is only emitted once its Patient is known; fragments keyed by MRN whose Patient never comes are
 * rejected as {@code MISSING_PATIENT} (see the package documentation).
 */
public final class CaseAssembler extends KeyedProcessFunction<String, CaseFragment, EncodedCase> {

    private static final long serialVersionUID = 1L;
    /** Accumulator of records that ended in a case; with decode's counters it reconciles a run. */
    public static final String ACCEPTED = "records-accepted";

    private final String site;
    private final CaseRules rules;
    private final AssemblyPolicy policy;
    private transient CaseBuilder builder;
    private transient MapState<String, CaseFragment> fragments;
    private transient ValueState<Boolean> patientSeen;
    private transient ValueState<Long> counted;
    private transient LongCounter accepted;

    public CaseAssembler(String site, CaseRules rules, AssemblyPolicy policy) {
        this.site = site;
        this.rules = rules;
        this.policy = policy;
    }

    @Override
    public void open(OpenContext context) {
        builder = new CaseBuilder(site, rules);
        fragments = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("fragments", String.class, CaseFragment.class));
        patientSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("patient-seen", Boolean.class));
        counted = getRuntimeContext().getState(new ValueStateDescriptor<>("counted", Long.class));
        accepted = getRuntimeContext().getLongCounter(ACCEPTED);
    }

    @Override
    public void processElement(CaseFragment fragment, Context ctx, Collector<EncodedCase> out) throws Exception {
        CaseFragment first = fragments.get(fragment.identity());
        if (first != null) {
            ctx.output(AssemblyOutputs.REJECTED, fragment.reject(RejectionCode.DUPLICATE,
                    "duplicate of " + fragment.identity() + " first read at " + first.file() + " line " + first.line()));
            return;
        }
        // Only a fragment waiting for its Patient can still be rejected (MISSING_PATIENT), with its raw bytes.
        boolean known = Boolean.TRUE.equals(patientSeen.value()) || fragment.kind() == FragmentKind.PATIENT;
        fragments.put(fragment.identity(), known ? fragment.withoutRaw() : fragment);
        if (fragment.kind() == FragmentKind.PATIENT) {
            patientSeen.update(true);
            dropRawBytesOfWaitingFragments();
            ctx.output(AssemblyOutputs.IDENTITIES, new DisplayIdentity(ctx.getCurrentKey(),
                    Payloads.read(fragment.payload(), PatientFacts.class).mrn()));
        }
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        if (Boolean.TRUE.equals(patientSeen.value())) {
            if (policy.emitEveryChange()) {
                emit(ctx.getCurrentKey(), out);
            }
        } else if (policy.patientWaitMillis() != Long.MAX_VALUE) {
            ctx.timerService().registerProcessingTimeTimer(
                    ctx.timerService().currentProcessingTime() + policy.patientWaitMillis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EncodedCase> out) throws Exception {
        if (Boolean.TRUE.equals(patientSeen.value())) {
            if (timestamp == Long.MAX_VALUE && !policy.emitEveryChange()) {
                emit(ctx.getCurrentKey(), out);
            }
            return;
        }
        String why = timestamp == Long.MAX_VALUE ? "the export ended without it"
                : "it did not arrive within " + policy.patientWaitMillis() / 1000 + " s";
        List<String> identities = new ArrayList<>();
        for (CaseFragment held : fragments.values()) {
            ctx.output(AssemblyOutputs.REJECTED, held.reject(RejectionCode.MISSING_PATIENT,
                    "no Patient resource with this record's MRN, and " + why));
            identities.add(held.identity());
        }
        for (String identity : identities) {
            fragments.remove(identity);
        }
    }

    private void dropRawBytesOfWaitingFragments() throws Exception {
        List<CaseFragment> waiting = new ArrayList<>();
        for (CaseFragment held : fragments.values()) {
            if (held.raw().length > 0) {
                waiting.add(held);
            }
        }
        for (CaseFragment held : waiting) {
            fragments.put(held.identity(), held.withoutRaw());
        }
    }

    private void emit(String caseKey, Collector<EncodedCase> out) throws Exception {
        List<CaseFragment> all = new ArrayList<>();
        fragments.values().forEach(all::add);
        long before = counted.value() == null ? 0 : counted.value();
        accepted.add(all.size() - before);
        counted.update((long) all.size());
        long newestRead = all.stream().mapToLong(CaseFragment::readAtMillis).max().orElse(0L);
        out.collect(EncodedCase.of(builder.build(caseKey, all), newestRead));
    }
}
