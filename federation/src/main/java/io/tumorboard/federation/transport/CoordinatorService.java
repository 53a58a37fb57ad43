package io.tumorboard.federation.transport;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.tumorboard.federation.coordinator.RefusedResult;
import io.tumorboard.federation.coordinator.ResultIntake;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.security.SiteIdentity;
import io.tumorboard.federation.v1.FederationCoordinatorGrpc;
import io.tumorboard.federation.v1.HeartbeatReply;
import io.tumorboard.federation.v1.HeartbeatRequest;
import io.tumorboard.federation.v1.PullTaskRequest;
import io.tumorboard.federation.v1.RegisterReply;
import io.tumorboard.federation.v1.RegisterRequest;
import io.tumorboard.federation.v1.ResultPart;
import io.tumorboard.federation.v1.ResultReceipt;
import io.tumorboard.federation.v1.TaskHeader;
import io.tumorboard.federation.v1.TaskPart;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC face of a {@link TrainingRun}: maps each call to the run, long-polls PullTask (a site with
 * nothing to do is answered when the run has news for it, or WAIT after {@link #LONG_POLL}), streams the
 * global model out in chunks under flow control, spools incoming update chunks, and answers every refusal
 * with a deliberate status.
 */
final class CoordinatorService extends FederationCoordinatorGrpc.FederationCoordinatorImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorService.class);

    /** The longest a waiting site's PullTask is held before it is answered WAIT (it then asks again at once). */
    static final Duration LONG_POLL = Duration.ofSeconds(20);

    private final TrainingRun run;
    private final long heartbeatMs;
    private final Set<Pull> parked = ConcurrentHashMap.newKeySet();
    // Weak: once a round closes, the old global model must not outlive it here (it is a whole model's memory).
    private WeakReference<ModelWeights> headerFor = new WeakReference<>(null);
    private PayloadHeader globalHeader;

    CoordinatorService(TrainingRun run, long heartbeatMs) {
        this.run = run;
        this.heartbeatMs = heartbeatMs;
    }

    @Override
    public void register(RegisterRequest req, StreamObserver<RegisterReply> out) {
        String site = SiteIdentity.SITE.get();
        if (!run.config().runId().equals(req.getRunId())) {
            out.onError(Status.NOT_FOUND.withDescription("no run " + req.getRunId() + " on this coordinator")
                    .asRuntimeException());
            return;
        }
        Set<UpdateEncoding> supported = EnumSet.noneOf(UpdateEncoding.class);
        for (var e : req.getSupportedEncodingsList()) {
            if (e != io.tumorboard.federation.v1.Encoding.ENCODING_UNSPECIFIED
                    && e != io.tumorboard.federation.v1.Encoding.UNRECOGNIZED) {
                supported.add(ProtoMapper.fromProto(e));
            }
        }
        try {
            byte[] maskingKey = req.getMaskingPublicKey().isEmpty() ? null : req.getMaskingPublicKey().toByteArray();
            UpdateEncoding chosen = run.register(site, supported, maskingKey);
            out.onNext(RegisterReply.newBuilder().setRunConfig(ProtoMapper.toProto(run.config()))
                    .setUpdateEncoding(ProtoMapper.toProto(chosen)).setHeartbeatIntervalMs(heartbeatMs).build());
            out.onCompleted();
        } catch (RefusedResult r) {
            out.onError(ProtoMapper.toStatus(r).asRuntimeException());
        }
    }

    @Override
    public void heartbeat(HeartbeatRequest req, StreamObserver<HeartbeatReply> out) {
        LOG.debug("heartbeat from {}", SiteIdentity.SITE.get());
        run.heartbeat(SiteIdentity.SITE.get());
        out.onNext(HeartbeatReply.newBuilder().setCompletedRounds(run.completedRounds()).build());
        out.onCompleted();
    }

    /**
     * PullTask, bound by {@link ChunkMarshalling#bind} with {@link ModelChunkWriter} as its response marshaller
     * (the model's chunks are written from its floats when gRPC frames them); the generated base class's
     * {@code pullTask} is not overridden.
     */
    void pullTaskParts(PullTaskRequest req, StreamObserver<OutgoingTaskPart> out) {
        String site = SiteIdentity.SITE.get();
        if (!run.config().runId().equals(req.getRunId())) {
            out.onError(Status.NOT_FOUND.withDescription("no run " + req.getRunId() + " on this coordinator")
                    .asRuntimeException());
            return;
        }
        // Parked first, then served: news that arrives in between finds the pull already waiting for it.
        Pull pull = new Pull(site, (ServerCallStreamObserver<OutgoingTaskPart>) out, System.nanoTime());
        parked.add(pull);
        serve(pull, false);
    }

    /** Serves every parked pull whose site now has a task; with {@code expire}, also answers those held too long. */
    void serveParked(boolean expire) {
        long now = System.nanoTime();
        for (Pull p : parked) {
            serve(p, expire && now - p.parkedAtNanos >= LONG_POLL.toNanos());
        }
    }

    /** Answers every parked pull with UNAVAILABLE, so a graceful shutdown does not wait for them. */
    void releaseParked() {
        for (Pull p : parked) {
            synchronized (p) {
                if (parked.remove(p)) {
                    p.fail(Status.UNAVAILABLE.withDescription("the coordinator is shutting down"));
                }
            }
        }
    }

    private void serve(Pull pull, boolean expired) {
        // One pull is served by one thread at a time: asking the run twice would issue two task ids.
        synchronized (pull) {
            if (!parked.contains(pull)) {
                return;
            }
            Task task;
            try {
                task = run.nextTask(pull.site);
            } catch (RefusedResult r) {
                parked.remove(pull);
                pull.fail(ProtoMapper.toStatus(r));
                return;
            }
            if (task instanceof Task.Wait && !expired) {
                return;
            }
            parked.remove(pull);
            TaskHeader.Builder h = TaskHeader.newBuilder().setKind(ProtoMapper.toProto(task.kind()));
            ModelWeights weights = null;
            if (task instanceof Task.Train t) {
                h.setRound(t.round()).setTaskId(t.taskId());
                weights = t.global();
            } else if (task instanceof Task.Evaluate e) {
                h.setRound(e.round()).setTaskId(e.taskId());
                if (e.plan() != null) {
                    h.setCalibrationPlan(ProtoMapper.toProto(e.plan()));
                }
                if (e.exchange() != null) {
                    h.setMaskedExchange(ProtoMapper.toProto(e.exchange()));
                }
                weights = e.global();
            } else if (task instanceof Task.Wait) {
                // Held for the whole long poll already: the site may ask again at once.
                h.setRetryAfterMs(0);
            }
            if (weights == null) {
                pull.answer(TaskPart.newBuilder().setHeader(h).build(), java.util.Collections.emptyIterator());
                return;
            }
            h.setModel(ProtoMapper.toProto(headerOf(weights)));
            pull.answer(TaskPart.newBuilder().setHeader(h).build(), chunksOf(weights.values()));
        }
    }

    /** The model's fp32 payload as chunk parts of {@link CoordinatorServer#CHUNK_BYTES}, made as they are sent. */
    private static Iterator<OutgoingTaskPart> chunksOf(float[] values) {
        int perChunk = CoordinatorServer.CHUNK_BYTES / UpdateEncoding.FP32.bytesPerValue();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < values.length;
            }

            @Override
            public OutgoingTaskPart next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                int count = Math.min(perChunk, values.length - next);
                next += count;
                return new OutgoingTaskPart.Floats(values, next - count, count);
            }
        };
    }

    private synchronized PayloadHeader headerOf(ModelWeights w) {
        // The global model changes once per round; its digest is computed once per model, not per pull.
        if (headerFor.get() != w) {
            PayloadEncoder enc = new PayloadEncoder(w.layout(), UpdateEncoding.FP32, new float[0]);
            globalHeader = PayloadHeader.of(enc, w.layout(), w.values());
            headerFor = new WeakReference<>(w);
        }
        return globalHeader;
    }

    /**
     * One PullTask call: parked while its site has nothing to do, then answered with a task header and the
     * global model's chunks, sent under flow control (a slow site never makes the coordinator buffer a
     * whole model). Its handlers are installed while gRPC still allows it, before the call is parked.
     */
    private final class Pull implements Runnable {
        private final String site;
        private final ServerCallStreamObserver<OutgoingTaskPart> call;
        private final long parkedAtNanos;
        private TaskPart header;
        private Iterator<OutgoingTaskPart> chunks;
        private boolean headerSent;
        private boolean finished;

        Pull(String site, ServerCallStreamObserver<OutgoingTaskPart> call, long parkedAtNanos) {
            this.site = site;
            this.call = call;
            this.parkedAtNanos = parkedAtNanos;
            call.setOnCancelHandler(() -> {
                parked.remove(this);
                synchronized (this) {
                    finish();
                }
            });
            call.setOnReadyHandler(this);
        }

        synchronized void answer(TaskPart header, Iterator<OutgoingTaskPart> chunks) {
            if (finished) {
                return;
            }
            this.header = header;
            this.chunks = chunks;
            run();
        }

        /**
         * Lets go of the model: gRPC may keep a finished call (and this, its handler) a while longer, and the
         * chunk iterator holds a whole global model, which must not outlive its round.
         */
        private void finish() {
            finished = true;
            header = null;
            chunks = null;
        }

        synchronized void fail(Status status) {
            if (!finished) {
                finish();
                call.onError(status.asRuntimeException());
            }
        }

        /** Sends what it can while the call is ready; gRPC calls it again when the call becomes ready. */
        @Override
        public synchronized void run() {
            while (header != null && !finished && call.isReady()) {
                if (!headerSent) {
                    call.onNext(new OutgoingTaskPart.Whole(header));
                    headerSent = true;
                } else if (chunks.hasNext()) {
                    call.onNext(chunks.next());
                } else {
                    finish();
                    call.onCompleted();
                }
            }
        }
    }

    @Override
    public StreamObserver<ResultPart> pushResult(StreamObserver<ResultReceipt> out) {
        String site = SiteIdentity.SITE.get();
        return new StreamObserver<>() {
            private ResultIntake intake;
            private int round;
            private boolean failed;

            @Override
            public void onNext(ResultPart part) {
                if (failed) {
                    return;
                }
                try {
                    if (part.hasHeader()) {
                        if (intake != null) {
                            throw new IllegalArgumentException("a result has exactly one header");
                        }
                        SiteReport report = ProtoMapper.fromProto(part.getHeader());
                        round = report.round();
                        PayloadHeader update = part.getHeader().hasUpdate()
                                ? ProtoMapper.fromProto(part.getHeader().getUpdate()) : null;
                        intake = run.openResult(site, report, update);
                    } else if (intake == null) {
                        throw new IllegalArgumentException("a result starts with its header");
                    } else {
                        try {
                            for (ByteBuffer piece : ChunkMarshalling.views(part.getChunk().getData())) {
                                intake.append(piece);
                            }
                        } catch (RefusedResult r) {
                            throw run.audited(r, site, round);
                        }
                    }
                } catch (RefusedResult r) {
                    fail(ProtoMapper.toStatus(r));
                } catch (IllegalArgumentException e) {
                    fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
                } catch (IOException e) {
                    LOG.error("cannot spool a result from {}", site, e);
                    fail(Status.INTERNAL.withDescription("the coordinator could not store the update"));
                }
            }

            private void fail(Status status) {
                failed = true;
                if (intake != null) {
                    intake.abort();
                }
                out.onError(status.asRuntimeException());
            }

            @Override
            public void onError(Throwable t) {
                LOG.info("result stream from {} broke off: {}", site, Status.fromThrowable(t).getCode());
                if (intake != null) {
                    intake.abort();
                }
            }

            @Override
            public void onCompleted() {
                if (failed) {
                    return;
                }
                if (intake == null) {
                    out.onError(Status.INVALID_ARGUMENT.withDescription("a result needs a header").asRuntimeException());
                    return;
                }
                try {
                    run.completeResult(intake);
                    out.onNext(ResultReceipt.newBuilder().setAccepted(true).build());
                    out.onCompleted();
                } catch (RefusedResult r) {
                    out.onError(ProtoMapper.toStatus(r).asRuntimeException());
                }
            }
        };
    }
}
