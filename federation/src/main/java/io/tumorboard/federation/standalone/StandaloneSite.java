package io.tumorboard.federation.standalone;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tumorboard.federation.fusion.FusionModelTrainer;
import io.tumorboard.federation.fusion.FusionSetup;
import io.tumorboard.federation.fusion.SiteCaseDataset;
import io.tumorboard.federation.security.TlsCredentials;
import io.tumorboard.federation.site.ApprovedRuns;
import io.tumorboard.federation.site.LinkFailure;
import io.tumorboard.federation.site.SiteNode;
import io.tumorboard.federation.transport.CoordinatorClient;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.model.learning.features.SiteFeatureSummary;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hospital's site node as a process: reads the site's case dataset (the pipeline's JSON-lines output), and
 * either writes its aggregate feature summary ({@link #summarize}) or dials out to the coordinator and takes
 * part in the run ({@link #run}) with heartbeats, reconnecting with backoff. Cases never leave this class's
 * process; what leaves is the summary file (reviewable before it is sent), weights, counts and metrics.
 */
public final class StandaloneSite {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneSite.class);

    private final SiteSettings settings;
    private final PrintStream out;
    private volatile SiteNode node;

    public StandaloneSite(SiteSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Writes the site's feature summary (training cases only) to {@code featureSummary}. */
    public SiteFeatureSummary summarize() {
        SiteCaseDataset data = dataset();
        SiteFeatureSummary summary = SiteFeatureSummary.of(settings.name(), data.training());
        FusionSetup.writeSummary(summary, settings.featureSummary());
        out.printf("site %s: feature summary of %d training cases -> %s (counts below %d suppressed)%n",
                settings.name(), data.training().size(), settings.featureSummary(), SiteFeatureSummary.MIN_CELL);
        return summary;
    }

    /** Takes part in the run until it is done, refused, or {@link #stop()}; returns how it ended. */
    public SiteNode.Outcome run() {
        SiteCaseDataset data = dataset();
        FusionSetup setup = FusionSetup.read(settings.fusionSetup());
        FusionModelTrainer trainer = new FusionModelTrainer(setup, data.training(), data.heldOut());
        SiteSettings.Privacy p = settings.privacy();
        ApprovedRuns approvals = new ApprovedRuns(settings.approvedRuns(),
                new ApprovedRuns.PrivacyFloor(p.required(), p.maxClipNorm(), p.minNoiseMultiplier()));
        ManagedChannel channel = NettyChannelBuilder.forAddress(settings.coordinator().host(), settings.coordinator().port())
                .sslContext(TlsCredentials.site(settings.tls().caCertificate(), settings.tls().certificate(),
                        settings.tls().privateKey()))
                .maxInboundMessageSize(2 << 20).flowControlWindow(CoordinatorServer.FLOW_CONTROL_WINDOW).build();
        CoordinatorClient client = new CoordinatorClient(channel);
        String runId = settings.run();
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat-" + settings.name());
            t.setDaemon(true);
            return t;
        });
        try {
            node = new SiteNode(settings.name(), runId, client, trainer, approvals, new SecureRandom());
            heartbeat.scheduleWithFixedDelay(() -> beat(client, runId), settings.heartbeatSeconds(),
                    settings.heartbeatSeconds(), TimeUnit.SECONDS);
            out.printf("site %s: %d training / %d held-out cases; dialling %s:%d for run %s%n", settings.name(),
                    data.training().size(), data.heldOut().size(), settings.coordinator().host(),
                    settings.coordinator().port(), runId);
            node.run();
            out.printf("site %s: %s%n", settings.name(), node.outcome());
            return node.outcome();
        } finally {
            heartbeat.shutdownNow();
            channel.shutdownNow();
        }
    }

    public void stop() {
        SiteNode n = node;
        if (n != null) {
            n.stop();
        }
    }

    private void beat(CoordinatorClient client, String runId) {
        try {
            client.heartbeat(runId);
        } catch (LinkFailure e) {
            // The node's own calls notice the outage and back off; a missed beat only means "not seen".
            LOG.debug("heartbeat of {} failed: {}", settings.name(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("heartbeat of {} failed", settings.name(), e);
        }
    }

    private SiteCaseDataset dataset() {
        if (settings.heldOutFraction() < 0 || settings.heldOutFraction() >= 1) {
            throw new IllegalArgumentException("heldOutFraction must be in [0, 1): " + settings.heldOutFraction());
        }
        return SiteCaseDataset.load(settings.cases(), settings.name(),
                (int) Math.round(settings.heldOutFraction() * 100), settings.seed());
    }
}
