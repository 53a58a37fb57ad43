package io.tumorboard.federation.transport;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.security.CertificateFolder;
import io.tumorboard.federation.security.SiteIdentity;
import io.tumorboard.federation.security.TlsCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running coordinator: the gRPC server over a {@link TrainingRun}, plus the ticker that closes rounds
 * on timeout. Built from any {@link ServerBuilder} (as grpc-java's RouteGuideServer is), so tests and the
 * simulator can use an in-process server; {@link #mutualTls} is the production shape.
 */
public final class CoordinatorServer implements AutoCloseable {

    /**
     * Bytes per outgoing chunk: the contract's ceiling. Quarter-MiB chunks (never a G1 humongous object, which
     * 1 MiB ones are in heaps with 1 MB regions) were tried: with four times the messages, steady-state 64 MB
     * pulls were no faster than before chunks were shared, and slower than with 1 MiB chunks.
     */
    public static final int CHUNK_BYTES = 1 << 20;
    /** Largest inbound message: one 1 MiB chunk (the contract's ceiling) plus framing; gRPC refuses bigger. */
    static final int MAX_INBOUND_BYTES = (1 << 20) + (64 << 10);
    /** HTTP/2 flow-control window for the model streams a site receives (bytes); sites set it on their channel. */
    public static final int FLOW_CONTROL_WINDOW = 16 << 20;
    /**
     * The coordinator's own receive window (bytes): how far a pushing site may run ahead of the spooling. At
     * 16 MiB the bench's coordinator held up to ~13 MB of a 16 MB update in Netty's buffers beside the model;
     * 2 MiB is still far above what loopback or a hospital link needs in flight (bandwidth x round-trip).
     */
    static final int INBOUND_WINDOW = 2 << 20;

    private final Server server;
    private final TrainingRun run;
    private final CoordinatorService service;
    private final ScheduledExecutorService ticker;

    public CoordinatorServer(ServerBuilder<?> builder, TrainingRun run, ServerInterceptor identity, long heartbeatMs) {
        this.run = run;
        this.service = new CoordinatorService(run, heartbeatMs);
        this.server = builder
                .addService(ServerInterceptors.intercept(
                        ChunkMarshalling.bind(service), identity))
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .addStreamTracerFactory(new OversizedMessageAudit(run))
                .build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "round-ticker-" + run.config().runId());
            t.setDaemon(true);
            return t;
        });
        // Waiting sites are served from the ticker's thread as soon as the run has news for them.
        run.watchTasks(() -> {
            try {
                ticker.execute(() -> service.serveParked(false));
            } catch (RejectedExecutionException stopped) {
                // The server is stopping: its parked calls are released or cut there.
            }
        });
    }

    /** The production server: mutual TLS on {@code host:port} (port 0 picks a free port). */
    public static CoordinatorServer mutualTls(String host, int port, CertificateFolder certs, AuditLog audit,
                                              TrainingRun run) {
        return mutualTls(host, port, TlsCredentials.coordinator(certs, audit), run);
    }

    /** The production server with credentials from {@link TlsCredentials}. */
    public static CoordinatorServer mutualTls(String host, int port, io.grpc.ServerCredentials tls, TrainingRun run) {
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), tls)
                .flowControlWindow(INBOUND_WINDOW);
        return new CoordinatorServer(b, run, new SiteIdentity(), 5_000);
    }

    public CoordinatorServer start() throws IOException {
        server.start();
        ticker.scheduleWithFixedDelay(run::tick, 20, 20, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(() -> service.serveParked(true), 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public int port() {
        return server.getPort();
    }

    public TrainingRun run() {
        return run;
    }

    /** Stops at once, as a crash would: open calls are cut, nothing is flushed beyond the last checkpoint. */
    public void kill() {
        ticker.shutdownNow();
        server.shutdownNow();
    }

    public void awaitFinished(long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!run.finished() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        server.shutdown();
        service.releaseParked();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }
}
