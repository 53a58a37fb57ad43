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
import io.tumorboard.federation.v1.WeightChunk;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC face of a {@link TrainingRun}: maps each call to the run, streams the global model out in
 * chunks under flow control (a slow site never makes the coordinator buffer a whole model), spools
 * incoming update chunks, and answers every refusal with a deliberate status.
 */
final class CoordinatorService extends FederationCoordinatorGrpc.FederationCoordinatorImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorService.class);

    private final TrainingRun run;
    private final long heartbeatMs;
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
            UpdateEncoding chosen = run.register(site, supported);
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

    @Override
    public void pullTask(PullTaskRequest req, StreamObserver<TaskPart> out) {
        String site = SiteIdentity.SITE.get();
        Task task;
        try {
            if (!run.config().runId().equals(req.getRunId())) {
                throw new IllegalArgumentException("no run " + req.getRunId() + " on this coordinator");
            }
            task = run.nextTask(site);
        } catch (RefusedResult r) {
            out.onError(ProtoMapper.toStatus(r).asRuntimeException());
            return;
        } catch (IllegalArgumentException e) {
            out.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        TaskHeader.Builder h = TaskHeader.newBuilder().setKind(ProtoMapper.toProto(task.kind()));
        ModelWeights weights = null;
        if (task instanceof Task.Train t) {
            h.setRound(t.round()).setTaskId(t.taskId());
            weights = t.global();
        } else if (task instanceof Task.Evaluate e) {
            h.setRound(e.round()).setTaskId(e.taskId());
            weights = e.global();
        } else if (task instanceof Task.Wait w) {
            h.setRetryAfterMs(w.retryAfter().toMillis());
        }
        if (weights == null) {
            out.onNext(TaskPart.newBuilder().setHeader(h).build());
            out.onCompleted();
            return;
        }
        h.setModel(ProtoMapper.toProto(headerOf(weights)));
        PayloadEncoder enc = new PayloadEncoder(weights.layout(), UpdateEncoding.FP32, new float[0]);
        Iterator<java.nio.ByteBuffer> chunks = enc.chunks(weights.values(), CoordinatorServer.CHUNK_BYTES);
        sendUnderFlowControl((ServerCallStreamObserver<TaskPart>) out,
                TaskPart.newBuilder().setHeader(h).build(), chunks);
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

    private static void sendUnderFlowControl(ServerCallStreamObserver<TaskPart> call, TaskPart header,
                                             Iterator<java.nio.ByteBuffer> chunks) {
        boolean[] state = new boolean[2]; // [0] header sent, [1] finished
        call.setOnCancelHandler(() -> state[1] = true);
        call.setOnReadyHandler(() -> {
            synchronized (state) {
                while (!state[1] && call.isReady()) {
                    if (!state[0]) {
                        call.onNext(header);
                        state[0] = true;
                    } else if (chunks.hasNext()) {
                        call.onNext(TaskPart.newBuilder().setChunk(
                                WeightChunk.newBuilder().setData(ChunkMarshalling.wrap(chunks.next()))).build());
                    } else {
                        state[1] = true;
                        call.onCompleted();
                    }
                }
            }
        });
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
                            intake.append(ChunkMarshalling.view(part.getChunk().getData()));
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
