package io.tumorboard.pipeline.job;

import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.model.casestore.PipelineRun;
import io.tumorboard.pipeline.assembly.AssemblyPolicy;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.sink.CaseStoreSink;
import io.tumorboard.pipeline.sink.FileOutputs;
import io.tumorboard.pipeline.source.ExportSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the job with the production sources and sinks: on the embedded MiniCluster when started with {@code java
 * -jar}, on the cluster when submitted with {@code flink run} (the environment Flink provides). A bounded run
 * ends by recording and returning its reconciled counts.
 */
public final class PipelineRunner {

    /** How long a partly filled network buffer may wait in continuous mode (ms). */
    static final long CONTINUOUS_BUFFER_TIMEOUT_MS = 5;

    private final CaseRules rules;

    public PipelineRunner(CaseRules rules) {
        this.rules = rules;
    }

    /** Builds the configured environment: checkpointing, retention, restore path, no Kryo fallback. */
    public static StreamExecutionEnvironment environment(PipelineSettings settings) {
        return StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
    }

    /** The job's configuration, for any environment (local, {@code flink run}, or a remote one). */
    public static Configuration configuration(PipelineSettings settings) {
        Map<String, String> options = new HashMap<>();
        options.put("parallelism.default", Integer.toString(settings.parallelism()));
        options.put("execution.checkpointing.interval", settings.checkpointInterval().toMillis() + " ms");
        options.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        options.put("pipeline.generic-types", "false");
        if (!settings.bounded()) {
            // A record crosses two network exchanges (by patient, by case key); each holds a partly filled buffer
            // up to this long (Flink's default 100 ms), which in continuous mode is most of a new file's way to
            // its case. A bounded run keeps the default and fills its buffers.
            options.put("execution.buffer-timeout.interval", CONTINUOUS_BUFFER_TIMEOUT_MS + " ms");
        }
        if (settings.checkpointFolder() != null) {
            options.put("execution.checkpointing.dir", settings.checkpointFolder().toAbsolutePath().toUri().toString());
        }
        if (settings.restoreFrom() != null) {
            options.put("execution.state-recovery.path", settings.restoreFrom());
        }
        return Configuration.fromMap(options);
    }

    /** Wires the job into {@code env} with the production source and sinks. */
    public void build(StreamExecutionEnvironment env, PipelineSettings settings) {
        AssemblyPolicy policy = settings.bounded() ? AssemblyPolicy.bounded()
                : AssemblyPolicy.continuous(settings.patientWait().toMillis());
        JobOutputs outputs = new JobOutputs(
                List.of(CaseStoreSink.cases(settings.store()), FileOutputs.caseDataset(settings.outputFolder())),
                List.of(CaseStoreSink.deadLetters(settings.store(), settings.runId(), settings.site()),
                        FileOutputs.deadLetters(settings.outputFolder(), settings.runId(), settings.site())),
                List.of(CaseStoreSink.identities(settings.store(), settings.site())));
        new CaseJob(settings.site(), settings.siteSecret(), rules, policy)
                .build(env, ExportSource.of(settings.siteFolder(), settings.watchEvery()), outputs);
    }

    /**
     * Runs a bounded export to its end and returns the reconciled counts, also stored in {@code pipeline_run}.
     *
     * @param progress told the number of records read so far, about twice a second
     */
    public PipelineRun runBounded(PipelineSettings settings, LongConsumer progress) throws Exception {
        return runBounded(environment(settings), settings, progress);
    }

    /** The same, in a given environment (e.g. a remote cluster's). */
    public PipelineRun runBounded(StreamExecutionEnvironment env, PipelineSettings settings, LongConsumer progress)
            throws Exception {
        return run(env, settings, progress).counts();
    }

    /**
     * A bounded run's counts and when its first record was read, which separates start-up (cluster, submission,
     * scheduling) from the work on the records.
     */
    public record BoundedRun(PipelineRun counts, Instant firstRecordRead) {
    }

    /** Runs a bounded export to its end, as {@link #runBounded}, and also tells when its first record was read. */
    public BoundedRun run(StreamExecutionEnvironment env, PipelineSettings settings, LongConsumer progress)
            throws Exception {
        try (CaseStore store = settings.store().open()) {
            store.startRun(settings.runId(), settings.site());
        }
        build(env, settings);
        JobClient client = env.executeAsync("tumorboard cases: " + settings.site());
        // Asked once: a cluster's REST client answers each call with a new request, whose future is never done
        // at the moment it is made, so polling a fresh one waited for ever under `flink run`.
        CompletableFuture<JobExecutionResult> finished = client.getJobExecutionResult();
        while (!finished.isDone()) {
            try {
                Object in = client.getAccumulators().get(30, TimeUnit.SECONDS).get(Counters.IN);
                if (in instanceof Number n) {
                    progress.accept(n.longValue());
                }
            } catch (Exception notYetRunning) {
                // Accumulators are not readable before the job's first tasks start; the next poll will tell.
            }
            Thread.sleep(500);
        }
        JobExecutionResult result = finished.get();
        PipelineRun run = counts(settings, result.getAllAccumulatorResults());
        progress.accept(run.recordsIn());
        try (CaseStore store = settings.store().open()) {
            store.finishRun(run);
        }
        Object firstRead = result.getAllAccumulatorResults().get(Counters.FIRST_READ);
        return new BoundedRun(run, firstRead instanceof Number n && n.longValue() != Long.MAX_VALUE
                ? Instant.ofEpochMilli(n.longValue()) : null);
    }

    static PipelineRun counts(PipelineSettings settings, Map<String, Object> accumulators) {
        Map<String, Long> skipped = new TreeMap<>();
        accumulators.forEach((name, value) -> {
            if (name.startsWith(Counters.SKIPPED_PREFIX)) {
                skipped.put(name.substring(Counters.SKIPPED_PREFIX.length()), ((Number) value).longValue());
            }
        });
        return new PipelineRun(settings.runId(), settings.site(), null, Instant.now(),
                number(accumulators, Counters.IN), number(accumulators, io.tumorboard.pipeline.assembly.CaseAssembler.ACCEPTED),
                number(accumulators, Counters.REJECTED), skipped, number(accumulators, Counters.CASES));
    }

    private static long number(Map<String, Object> accumulators, String name) {
        Object value = accumulators.get(name);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
