package io.tumorboard.pipeline.sink;

import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.pipeline.assembly.DisplayIdentity;
import io.tumorboard.pipeline.assembly.EncodedCase;
import io.tumorboard.pipeline.ingest.RejectedRecord;
import java.io.Serializable;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 into the case store. Each write is its own idempotent transaction, so no buffering is needed for
 * correctness; a replay after restore rewrites the same rows without effect.
 */
public final class CaseStoreSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** One kind of write into the store. */
    @FunctionalInterface
    public interface StoreWrite<T> extends Serializable {
        void write(CaseStore store, T value);
    }

    private final StoreConnection connection;
    private final StoreWrite<T> write;

    private CaseStoreSink(StoreConnection connection, StoreWrite<T> write) {
        this.connection = connection;
        this.write = write;
    }

    public static CaseStoreSink<EncodedCase> cases(StoreConnection connection) {
        return new CaseStoreSink<>(connection, (store, c) -> store.upsert(c.decode()));
    }

    public static CaseStoreSink<DisplayIdentity> identities(StoreConnection connection, String site) {
        return new CaseStoreSink<>(connection, (store, id) -> store.rememberDisplayIdentity(id.caseKey(), site,
                id.displayId()));
    }

    public static CaseStoreSink<RejectedRecord> deadLetters(StoreConnection connection, String runId, String site) {
        return new CaseStoreSink<>(connection, (store, r) -> store.addDeadLetter(r.toDeadLetter(runId, site)));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(connection.open(), write);
    }

    private static final class Writer<T> implements SinkWriter<T> {

        private final CaseStore store;
        private final StoreWrite<T> write;

        Writer(CaseStore store, StoreWrite<T> write) {
            this.store = store;
            this.write = write;
        }

        @Override
        public void write(T element, Context context) {
            write.write(store, element);
        }

        @Override
        public void flush(boolean endOfInput) {
            // Every write already committed its own transaction.
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
