package io.tumorboard.federation.simulation;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.site.ApprovedRuns;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.site.SiteNode;
import io.tumorboard.federation.transport.CoordinatorClient;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.federation.weights.ModelWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hundreds of sites in one JVM on gRPC's in-process transport: the same coordinator service, run state
 * machine, client and site nodes as over the network, minus TLS and sockets, so the coordinator's
 * per-site costs (memory, round time) can be measured at site counts a laptop cannot open sockets for.
 */
public final class InProcessFederation implements AutoCloseable {

    private final CoordinatorServer server;
    private final String name = "federation-" + UUID.randomUUID();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<SiteNode> nodes = new ArrayList<>();

    public InProcessFederation(Path workDir, RunConfiguration cfg, ModelWeights initial, Map<String, LocalTrainer> sites,
                               RoundListener listener) throws IOException {
        AuditLog audit = new AuditLog(workDir.resolve("audit.jsonl"), Clock.systemUTC());
        TrainingRun run = new TrainingRun(cfg, initial, sites.keySet(), workDir.resolve("coordinator"), audit, listener,
                Clock.systemUTC());
        server = new CoordinatorServer(InProcessServerBuilder.forName(name).directExecutor(), run,
                new SimulatedSiteIdentity(), 5_000).start();
        for (var e : sites.entrySet()) {
            ManagedChannel ch = InProcessChannelBuilder.forName(name).intercept(SimulatedSiteIdentity.naming(e.getKey()))
                    .build();
            ApprovedRuns approvals = new ApprovedRuns(workDir.resolve("sites").resolve(e.getKey()).resolve("approved.txt"));
            approvals.approve(cfg);
            SiteNode node = new SiteNode(e.getKey(), cfg.runId(), new CoordinatorClient(ch), e.getValue(), approvals,
                    new SecureRandom());
            channels.add(ch);
            nodes.add(node);
        }
    }

    public void start() {
        for (SiteNode n : nodes) {
            Thread t = new Thread(n, "site-" + n.site());
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        server.awaitFinished(timeout.toMillis());
        return server.run().finished();
    }

    public TrainingRun run() {
        return server.run();
    }

    @Override
    public void close() throws InterruptedException {
        nodes.forEach(SiteNode::stop);
        channels.forEach(ManagedChannel::shutdownNow);
        for (Thread t : threads) {
            t.join(2_000);
        }
        server.close();
    }
}
