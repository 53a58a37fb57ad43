package io.tumorboard.federation.simulation;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.security.CertificateAuthority;
import io.tumorboard.federation.security.CertificateFolder;
import io.tumorboard.federation.security.TlsCredentials;
import io.tumorboard.federation.site.ApprovedRuns;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.site.SiteNode;
import io.tumorboard.federation.transport.CoordinatorClient;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.federation.weights.ModelWeights;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A whole federation in one JVM over real gRPC with mutual TLS on loopback: a fresh CA, the coordinator
 * on 127.0.0.1 (port 0 picks a free port), and one site node per hospital, each dialling out with its own
 * certificate. The coordinator can be killed and restarted on the same port and work folder, as after a
 * crash. Used by {@code federation simulate} and the integration tests.
 */
public final class LoopbackFederation implements AutoCloseable {

    private final Path workDir;
    private final RunConfiguration cfg;
    private final ModelWeights initial;
    private final Set<String> admitted;
    private final RoundListener listener;
    private final CertificateAuthority ca;
    private final AuditLog audit;
    private final Map<String, Running> sites = new LinkedHashMap<>();
    private CoordinatorServer server;
    private int port;

    private record Running(SiteNode node, Thread thread, ManagedChannel channel) {
    }

    public LoopbackFederation(Path workDir, RunConfiguration cfg, ModelWeights initial, Set<String> admitted,
                              RoundListener listener) {
        this.workDir = workDir;
        this.cfg = cfg;
        this.initial = initial;
        this.admitted = Set.copyOf(admitted);
        this.listener = listener;
        this.ca = CertificateAuthority.init(workDir.resolve("certs"), List.of(), Duration.ofDays(1));
        for (String site : admitted) {
            ca.issueSite(site, Duration.ofDays(1));
        }
        this.audit = new AuditLog(workDir.resolve("audit.jsonl"), Clock.systemUTC());
    }

    /** Starts (or, after {@link #killCoordinator()}, restarts on the same port) the coordinator. */
    public int startCoordinator() throws IOException {
        TrainingRun run = new TrainingRun(cfg, initial, admitted, workDir.resolve("coordinator"), audit, listener,
                Clock.systemUTC());
        server = CoordinatorServer.mutualTls("127.0.0.1", port, ca.folder(), audit, run).start();
        port = server.port();
        return port;
    }

    public void killCoordinator() {
        server.kill();
    }

    /** Starts a site node on its own thread; its governance has approved this run. */
    public SiteNode startSite(String name, LocalTrainer trainer) {
        return startSite(name, trainer, bytes -> { }, CoordinatorServer.CHUNK_BYTES, true);
    }

    public SiteNode startSite(String name, LocalTrainer trainer, LongConsumer uploadProgress, int chunkBytes,
                              boolean approved) {
        ApprovedRuns approvals = new ApprovedRuns(workDir.resolve("sites").resolve(name).resolve("approved-runs.txt"));
        if (approved) {
            approvals.approve(cfg);
        }
        ManagedChannel channel = siteChannel(ca.folder(), name);
        SiteNode node = new SiteNode(name, cfg.runId(), new CoordinatorClient(channel, chunkBytes, uploadProgress),
                trainer, approvals, new SecureRandom());
        Thread t = new Thread(node, "site-" + name);
        t.setDaemon(true);
        t.start();
        sites.put(name, new Running(node, t, channel));
        return node;
    }

    /** A TLS channel to this federation's coordinator with {@code site}'s certificate from {@code certs}. */
    public ManagedChannel siteChannel(CertificateFolder certs, String site) {
        return NettyChannelBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .overrideAuthority("localhost")
                .sslContext(TlsCredentials.site(certs, site))
                .maxInboundMessageSize(2 << 20).flowControlWindow(CoordinatorServer.FLOW_CONTROL_WINDOW)
                .build();
    }

    /** Takes a site offline at once, as a crash would: its connection is cut and its node stops. */
    public void killSite(String name) {
        Running r = sites.get(name);
        r.node().stop();
        r.channel().shutdownNow();
        r.thread().interrupt();
    }

    /** Waits until the run is finished; false on timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        server.awaitFinished(timeout.toMillis());
        return server.run().finished();
    }

    public TrainingRun run() {
        return server.run();
    }

    public AuditLog audit() {
        return audit;
    }

    public CertificateAuthority certificateAuthority() {
        return ca;
    }

    public int port() {
        return port;
    }

    public List<SiteNode> siteNodes() {
        List<SiteNode> out = new ArrayList<>();
        sites.values().forEach(r -> out.add(r.node()));
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (Running r : sites.values()) {
            r.node().stop();
            r.channel().shutdownNow();
        }
        for (Running r : sites.values()) {
            r.thread().join(2_000);
            r.channel().awaitTermination(2, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }
}
