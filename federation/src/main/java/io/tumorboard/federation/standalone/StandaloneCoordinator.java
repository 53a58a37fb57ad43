package io.tumorboard.federation.standalone;

import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.RoundListeners;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.fusion.FusionPackager;
import io.tumorboard.federation.fusion.FusionSetup;
import io.tumorboard.federation.metrics.MetricsEndpoint;
import io.tumorboard.federation.metrics.PrometheusRoundMetrics;
import io.tumorboard.federation.metrics.RoundMetricsJournal;
import io.tumorboard.federation.registry.ModelRegistry;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.security.TlsCredentials;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.features.SiteFeatureSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consortium's coordinator as a process: fits the run's fusion setup from the sites' feature summaries,
 * writes it for the sites, then serves the run over mutual TLS until it is finished, filing every round in the
 * registry. Started again on the same work folder it resumes after the last checkpointed round.
 */
public final class StandaloneCoordinator implements AutoCloseable {

    /** How long a finished coordinator waits for its sites to learn that the run is over. */
    static final Duration DONE_GRACE = Duration.ofSeconds(30);

    private final CoordinatorSettings settings;
    private final RunConfiguration cfg;
    private final PrintStream out;
    private final Clock clock;
    private CoordinatorServer server;
    private MetricsEndpoint metrics;
    private ModelRegistry registry;
    private AuditLog audit;

    public StandaloneCoordinator(CoordinatorSettings settings, PrintStream out, Clock clock) {
        this.settings = settings;
        this.cfg = settings.run().configuration();
        this.out = out;
        this.clock = clock;
    }

    public RunConfiguration configuration() {
        return cfg;
    }

    /** Fits or reads the setup, starts serving; returns the bound port. */
    public int start() throws IOException {
        List<SiteFeatureSummary> summaries = new ArrayList<>();
        for (Path p : settings.features().summaries()) {
            summaries.add(FusionSetup.readSummary(p));
        }
        FusionSetup setup;
        if (!summaries.isEmpty()) {
            // Same summaries and seed give the same setup, so a restarted coordinator refits it identically.
            setup = FusionSetup.fromSummaries(summaries, cfg.seed());
            setup.write(settings.features().setup());
            out.printf("feature pipeline fitted from %d site summaries -> %s (sha256 %s)%n", summaries.size(),
                    settings.features().setup(), setup.digest().substring(0, 16));
        } else {
            setup = FusionSetup.read(settings.features().setup());
        }
        FusionModel model = setup.newModel();
        ModelWeights initial = new ModelWeights(setup.layout(model.parameterCount()), toFloats(model.parameters()));
        Files.createDirectories(settings.work());
        audit = new AuditLog(settings.work().resolve("audit.jsonl"), clock);
        registry = new ModelRegistry(settings.registry(), new FusionPackager(setup, summaries), clock);
        registry.runStarted(cfg, settings.sites(), Map.of("model", "fusion", "fusionSetupSha256", setup.digest(),
                "parameters", Long.toString(model.parameterCount())));
        PrometheusRoundMetrics prometheus = new PrometheusRoundMetrics();
        RoundListener listeners = new RoundListeners(List.of(new RoundMetricsJournal(settings.work().resolve("metrics.jsonl")),
                prometheus, registry, new ProgressPrinter(out, cfg.rounds())));
        TrainingRun run = new TrainingRun(cfg, initial, Set.copyOf(settings.sites()), settings.work().resolve("coordinator"),
                audit, listeners, clock);
        server = CoordinatorServer.mutualTls(settings.listen().host(), settings.listen().port(),
                TlsCredentials.coordinator(settings.tls().caCertificate(), settings.tls().certificate(),
                        settings.tls().privateKey(), audit), run).start();
        if (settings.metricsPort() >= 0) {
            metrics = new MetricsEndpoint(settings.listen().host(), settings.metricsPort(), prometheus::scrape);
        }
        out.printf("coordinator for run %s (config digest %s) listening on %s:%d; %d parameters; sites %s%s%n",
                cfg.runId(), cfg.digest(), settings.listen().host(), server.port(), model.parameterCount(),
                settings.sites(), run.completedRounds() > 0 ? "; resuming after round " + run.completedRounds() : "");
        return server.port();
    }

    /**
     * Waits until the run is finished; false on timeout. Then keeps serving for up to {@link #DONE_GRACE} until
     * every site has pulled DONE, so that no site keeps dialling a coordinator that has gone.
     */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        server.awaitFinished(timeout.toMillis());
        long end = System.nanoTime() + DONE_GRACE.toNanos();
        while (server.run().finished() && !server.run().everySiteToldDone() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return server.run().finished();
    }

    public TrainingRun run() {
        return server.run();
    }

    public ModelRegistry registry() {
        return registry;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Stops at once, as a crash would (tests and drills). */
    public void kill() {
        server.kill();
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
