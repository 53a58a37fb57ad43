package io.tumorboard.federation.transport;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.site.CoordinatorLink;
import io.tumorboard.federation.site.LinkFailure;
import io.tumorboard.federation.v1.FederationCoordinatorGrpc;
import io.tumorboard.federation.v1.PullTaskRequest;
import io.tumorboard.federation.v1.RegisterReply;
import io.tumorboard.federation.v1.RegisterRequest;
import io.tumorboard.federation.v1.ResultPart;
import io.tumorboard.federation.v1.ResultReceipt;
import io.tumorboard.federation.v1.TaskHeader;
import io.tumorboard.federation.v1.TaskPart;
import io.tumorboard.federation.v1.WeightChunk;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * A site's gRPC client: every call has a deadline (short for control calls, scaled with the payload for
 * transfers), model downloads are checked against their digest, update uploads respect flow control,
 * and every failure is classified into what the site should do next. A model the site has finished with and
 * given back ({@link #recycle}) is kept, and the next model of the same length is decoded into its array.
 */
public final class CoordinatorClient implements CoordinatorLink {

    private static final long CONTROL_DEADLINE_MS = 10_000;
    /** Transfers get 30 s plus 1 s per 10 MB: far slower than loopback, still bounded. */
    private static final long TRANSFER_BASE_MS = 30_000;
    private static final long TRANSFER_BYTES_PER_MS = 10_000;

    private final Channel channel;
    private final int chunkBytes;
    private final LongConsumer uploadProgress;
    /** The values of a model given back by the site, for the next pull to decode into; null when none. */
    private final AtomicReference<float[]> spareValues = new AtomicReference<>();

    public CoordinatorClient(Channel channel) {
        this(channel, CoordinatorServer.CHUNK_BYTES, bytes -> { });
    }

    /** @param uploadProgress told the bytes sent so far after each update chunk (progress bars, drills) */
    public CoordinatorClient(Channel channel, int chunkBytes, LongConsumer uploadProgress) {
        this.channel = channel;
        this.chunkBytes = chunkBytes;
        this.uploadProgress = uploadProgress;
    }

    @Override
    public Registration register(String runId, Set<UpdateEncoding> supported, byte[] maskingPublicKey)
            throws LinkFailure {
        RegisterRequest.Builder req = RegisterRequest.newBuilder().setRunId(runId);
        if (maskingPublicKey != null) {
            req.setMaskingPublicKey(com.google.protobuf.ByteString.copyFrom(maskingPublicKey));
        }
        supported.forEach(e -> req.addSupportedEncodings(ProtoMapper.toProto(e)));
        try {
            RegisterReply reply = FederationCoordinatorGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(CONTROL_DEADLINE_MS, TimeUnit.MILLISECONDS).register(req.build());
            return new Registration(ProtoMapper.fromProto(reply.getRunConfig()),
                    ProtoMapper.fromProto(reply.getUpdateEncoding()));
        } catch (StatusRuntimeException e) {
            throw classify(e, "register");
        }
    }

    @Override
    public int heartbeat(String runId) throws LinkFailure {
        try {
            return FederationCoordinatorGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(CONTROL_DEADLINE_MS, TimeUnit.MILLISECONDS)
                    .heartbeat(io.tumorboard.federation.v1.HeartbeatRequest.newBuilder().setRunId(runId).build())
                    .getCompletedRounds();
        } catch (StatusRuntimeException e) {
            throw classify(e, "heartbeat");
        }
    }

    @Override
    public Task pullTask(String runId) throws LinkFailure {
        // Taken, so that no other pull decodes into it; put back below unless this call's download took it. A
        // download that took it and then failed leaves it to the collector: the abandoned call might still be
        // feeding it.
        float[] reusable = spareValues.getAndSet(null);
        ModelChunkReader reader = new ModelChunkReader(reusable);
        try {
            Iterator<TaskPart> parts = ClientCalls.blockingServerStreamingCall(channel, reader.descriptor(),
                    CallOptions.DEFAULT.withDeadlineAfter(TRANSFER_BASE_MS * 4, TimeUnit.MILLISECONDS),
                    PullTaskRequest.newBuilder().setRunId(runId).build());
            if (!parts.hasNext()) {
                throw new LinkFailure(LinkFailure.Action.RECONNECT, "empty task stream", null);
            }
            TaskHeader h = parts.next().getHeader();
            return switch (ProtoMapper.fromProto(h.getKind())) {
                case WAIT -> new Task.Wait(Duration.ofMillis(Math.max(10, h.getRetryAfterMs())));
                case DONE -> new Task.Done();
                case TRAIN -> new Task.Train(h.getRound(), h.getTaskId(), receiveModel(reader, parts));
                case EVALUATE -> new Task.Evaluate(h.getRound(), h.getTaskId(), receiveModel(reader, parts),
                        h.hasCalibrationPlan() ? ProtoMapper.fromProto(h.getCalibrationPlan()) : null,
                        h.hasMaskedExchange() ? ProtoMapper.fromProto(h.getMaskedExchange(), runId, h.getRound()) : null);
            };
        } catch (StatusRuntimeException e) {
            throw classify(e, "pull task");
        } catch (IllegalArgumentException e) {
            throw new LinkFailure(LinkFailure.Action.RECONNECT, "coordinator sent a malformed task: " + e.getMessage(), e);
        } finally {
            if (reusable != null && !reader.tookReusable()) {
                spareValues.compareAndSet(null, reusable);
            }
        }
    }

    /**
     * Takes back the model of a finished task: the next pulled model of the same length is decoded into its
     * values instead of a fresh array. The caller must hold no reference to {@code model} or its values
     * afterwards (nor may a trainer it was given), since they will be overwritten.
     */
    @Override
    public void recycle(ModelWeights model) {
        spareValues.set(model.values());
    }

    /**
     * Reads the rest of the task stream: its chunks went into the reader's download as gRPC parsed them (digest
     * and decode), so this only checks that nothing else came and asks for the checked model. A stream that
     * has already gone wrong (too long, say) is refused at once rather than read to its end.
     */
    private static ModelWeights receiveModel(ModelChunkReader reader, Iterator<TaskPart> parts) {
        while (parts.hasNext()) {
            if (!parts.next().hasChunk()) {
                throw new IllegalArgumentException("a task stream has one header, then only chunks");
            }
            reader.refuseIfFailed();
        }
        return reader.model();
    }

    @Override
    public void pushResult(String runId, SiteReport report, ModelLayout layout, float[] update,
                           UpdateEncoding encoding) throws LinkFailure {
        PayloadHeader header = null;
        Iterator<ByteBuffer> chunks = java.util.Collections.emptyIterator();
        if (update != null) {
            PayloadEncoder enc = PayloadEncoder.forValues(layout, encoding, update);
            header = PayloadHeader.of(enc, layout, update);
            chunks = enc.chunks(update, chunkBytes);
        }
        ResultPart first = ResultPart.newBuilder().setHeader(ProtoMapper.toProto(runId, report, header)).build();
        long bytes = header == null ? 0 : header.totalBytes();
        long deadlineMs = TRANSFER_BASE_MS + bytes / TRANSFER_BYTES_PER_MS;
        CompletableFuture<ResultReceipt> done = new CompletableFuture<>();
        Iterator<ByteBuffer> source = chunks;
        FederationCoordinatorGrpc.newStub(channel).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)
                .pushResult(new ClientResponseObserver<ResultPart, ResultReceipt>() {
                    private boolean headerSent;
                    private boolean finished;
                    private long sent;

                    @Override
                    public void beforeStart(ClientCallStreamObserver<ResultPart> requests) {
                        requests.setOnReadyHandler(() -> {
                            synchronized (this) {
                                while (!finished && requests.isReady()) {
                                    if (!headerSent) {
                                        requests.onNext(first);
                                        headerSent = true;
                                    } else if (source.hasNext()) {
                                        ByteBuffer c = source.next();
                                        sent += c.remaining();
                                        requests.onNext(ResultPart.newBuilder()
                                                .setChunk(WeightChunk.newBuilder().setData(ChunkMarshalling.wrap(c))).build());
                                        uploadProgress.accept(sent);
                                    } else {
                                        finished = true;
                                        requests.onCompleted();
                                    }
                                }
                            }
                        });
                    }

                    @Override
                    public void onNext(ResultReceipt r) {
                        done.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        synchronized (this) {
                            finished = true;
                        }
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(ResultReceipt.getDefaultInstance());
                    }
                });
        try {
            ResultReceipt receipt = done.get(deadlineMs + 1_000, TimeUnit.MILLISECONDS);
            if (!receipt.getAccepted()) {
                throw new LinkFailure(LinkFailure.Action.DROP_RESULT, "result not accepted", null);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StatusRuntimeException s ? classify(s, "push result")
                    : new LinkFailure(LinkFailure.Action.RECONNECT, "push failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new LinkFailure(LinkFailure.Action.RECONNECT, "push timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkFailure(LinkFailure.Action.STOP, "interrupted while pushing", e);
        }
    }

    private static LinkFailure classify(StatusRuntimeException e, String call) {
        Status.Code code = e.getStatus().getCode();
        String msg = call + ": " + code + " " + e.getStatus().getDescription();
        LinkFailure.Action action = switch (code) {
            case PERMISSION_DENIED, UNAUTHENTICATED -> LinkFailure.Action.STOP;
            case NOT_FOUND -> LinkFailure.Action.REGISTER;
            case FAILED_PRECONDITION, ALREADY_EXISTS, INVALID_ARGUMENT, RESOURCE_EXHAUSTED -> LinkFailure.Action.DROP_RESULT;
            default -> LinkFailure.Action.RECONNECT;
        };
        return new LinkFailure(action, msg, e);
    }
}
