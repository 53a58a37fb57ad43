package io.tumorboard.pipeline.sink;

import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.pipeline.assembly.DisplayIdentity;
import io.tumorboard.pipeline.assembly.EncodedCase;
import io.tumorboard.pipeline.ingest.RejectedRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 into the case store, writing in batches: one transaction per batch rather than per value, since a
 * commit is a durable write (on H2 a chunk written to the file) and dominated the store's cost at the end of a
 * bounded input, where every patient's case arrives at once. A batch is committed when it holds {@link
 * #MAX_BATCH} values, {@link #LINGER_MS} ms after its first value (so a case reaches the workbench
 * within that time in continuous mode), and at every flush: before each checkpoint barrier and at the end of
 * the input. Writes are idempotent, so a replay after a restore rewrites the same rows without effect, and
 * nothing a checkpoint covers is left uncommitted.
 */
public final class CaseStoreSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** One kind of batched write into the store: all values of a batch in one transaction. */
    @FunctionalInterface
    public interface StoreWrite<T> extends Serializable {
        void write(CaseStore store, List<T> values);
    }

    /** Values in a batch at most: large enough to amortise the commit. */
    static final int MAX_BATCH = 500;
    /** Longest time a value waits in an open batch (ms): short next to the file-to-case latency. */
    static final long LINGER_MS = 10;

    private final StoreConnection connection;
    private final StoreWrite<T> write;

    private CaseStoreSink(StoreConnection connection, StoreWrite<T> write) {
        this.connection = connection;
        this.write = write;
    }

    public static CaseStoreSink<EncodedCase> cases(StoreConnection connection) {
        return new CaseStoreSink<>(connection,
                (store, cases) -> store.upsertAll(cases.stream().map(EncodedCase::decode).toList()));
    }

    public static CaseStoreSink<DisplayIdentity> identities(StoreConnection connection, String site) {
        return new CaseStoreSink<>(connection, (store, ids) -> {
            Map<String, String> byKey = new LinkedHashMap<>();
            ids.forEach(id -> byKey.put(id.caseKey(), id.displayId()));
            store.rememberDisplayIdentities(site, byKey);
        });
    }

    public static CaseStoreSink<RejectedRecord> deadLetters(StoreConnection connection, String runId, String site) {
        return new CaseStoreSink<>(connection,
                (store, rejected) -> store.addDeadLetters(rejected.stream()
                        .map(r -> r.toDeadLetter(runId, site)).toList()));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(connection.open(), write, context.getProcessingTimeService());
    }

    /** Runs on the sink's task thread only: writes, flushes and the linger timer's callback share its mailbox. */
    private static final class Writer<T> implements SinkWriter<T> {

        private final CaseStore store;
        private final StoreWrite<T> write;
        private final ProcessingTimeService time;
        private final List<T> batch = new ArrayList<>();
        private ScheduledFuture<?> lingerTimer;

        Writer(CaseStore store, StoreWrite<T> write, ProcessingTimeService time) {
            this.store = store;
            this.write = write;
            this.time = time;
        }

        @Override
        public void write(T element, Context context) {
            batch.add(element);
            if (batch.size() >= MAX_BATCH) {
                commit();
            } else if (lingerTimer == null) {
                lingerTimer = time.registerTimer(time.getCurrentProcessingTime() + LINGER_MS,
                        firedAt -> commit());
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            commit();
        }

        private void commit() {
            if (lingerTimer != null) {
                lingerTimer.cancel(false);
                lingerTimer = null;
            }
            if (!batch.isEmpty()) {
                write.write(store, List.copyOf(batch));
                batch.clear();
            }
        }

        @Override
        public void close() {
            if (lingerTimer != null) {
                lingerTimer.cancel(false);
            }
            store.close();
        }
    }
}
