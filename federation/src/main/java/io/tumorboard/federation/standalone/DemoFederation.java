package io.tumorboard.federation.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.registry.ModelRegistry;
import io.tumorboard.federation.registry.ModelVersion;
import io.tumorboard.federation.security.CertificateAuthority;
import io.tumorboard.federation.site.SiteNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The federation stage of the product demo: certificates (if absent), one site node per hospital on its case
 * dataset and a coordinator, all configured from the example files in {@code federation/config} and talking mutual
 * TLS on loopback; the registry at {@code demo-output/federation/registry}, the calibrated final round promoted (the
 * best round by held-out C when the run could not calibrate). A finished run
 * with a promoted version is reused unless {@code --fresh}.
 */
public final class DemoFederation {

    static final String RUN_ID = "demo-fusion";
    static final List<String> SITES = List.of("hospital-a", "hospital-b", "hospital-c");
    private static final String STAGE = "federation demo stage";

    private final Path demo;
    private final Path config;
    private final PrintStream out;
    private final Path home;

    DemoFederation(Path demoOutput, Path configDir, PrintStream out) {
        this.demo = demoOutput.toAbsolutePath().normalize();
        this.config = configDir.toAbsolutePath().normalize();
        this.out = out;
        this.home = demo.resolve("federation");
    }

    /** {@code DemoFederation <demo-output> <config-dir> [--fresh=true|false]}. */
    public static void main(String[] args) {
        boolean fresh = args.length > 2 && args[2].equals("--fresh=true");
        try {
            new DemoFederation(Path.of(args[0]), Path.of(args[1]), System.out).run(fresh);
        } catch (Exception e) {
            System.err.println("[" + STAGE + "] FAILED: " + e.getMessage());
            System.err.println("[" + STAGE + "] what to do: " + advice(e));
            System.exit(1);
        }
        System.exit(0);
    }

    void run(boolean fresh) throws Exception {
        long start = System.nanoTime();
        ModelRegistry registry = new ModelRegistry(home.resolve("registry"));
        boolean stale = !fresh && finished(registry) && trainedBeforeTheCases();
        if (stale) {
            out.println("[" + STAGE + "] the pipeline's cases are newer than the finished run " + RUN_ID
                    + ": training anew");
        }
        if (fresh || stale) {
            deleteTree(home);
        } else if (finished(registry)) {
            out.println("[" + STAGE + "] reusing the finished run " + RUN_ID + " (-Ddemo.fresh=true starts over)");
            summary(registry, start);
            return;
        }
        Path certs = home.resolve("certs");
        if (!Files.exists(certs.resolve("ca.crt"))) {
            CertificateAuthority ca = CertificateAuthority.init(certs, List.of(), Duration.ofDays(365));
            SITES.forEach(s -> ca.issueSite(s, Duration.ofDays(365)));
            out.println("[" + STAGE + "] certificates: CA, coordinator and " + SITES + " in " + certs);
        }
        List<StandaloneSite> sites = new ArrayList<>();
        for (String s : SITES) {
            StandaloneSite site = new StandaloneSite(SiteSettings.read(config.resolve("site.yaml"), siteOverrides(s)), out);
            site.summarize();
            sites.add(site);
        }
        CoordinatorSettings settings = CoordinatorSettings.read(config.resolve("coordinator.yaml"), coordinatorOverrides());
        for (String s : SITES) {
            Path approvals = home.resolve("sites").resolve(s).resolve("approved-runs.txt");
            Files.createDirectories(approvals.getParent());
            // The demo's stand-in for each hospital's governance approving the run's exact configuration.
            Files.writeString(approvals, "# run " + RUN_ID + "\n" + settings.run().configuration().digest() + "\n");
        }
        try (StandaloneCoordinator coordinator = new StandaloneCoordinator(settings, out, Clock.systemUTC())) {
            int port = coordinator.start();
            ExecutorService pool = Executors.newFixedThreadPool(SITES.size());
            List<Future<SiteNode.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < SITES.size(); i++) {
                String name = SITES.get(i);
                List<String> o = new ArrayList<>(siteOverrides(name));
                o.add("coordinator.port=" + port);
                StandaloneSite site = new StandaloneSite(SiteSettings.read(config.resolve("site.yaml"), o), out);
                outcomes.add(pool.submit(site::run));
            }
            Duration limit = settings.run().configuration().roundTimeout().multipliedBy(settings.run().rounds() + 2L);
            if (!coordinator.awaitFinished(limit)) {
                throw new IllegalStateException("the run did not finish within " + limit.toSeconds() + " s; "
                        + coordinator.run().completedRounds() + " rounds completed");
            }
            for (int i = 0; i < outcomes.size(); i++) {
                SiteNode.Outcome o = outcomes.get(i).get(60, TimeUnit.SECONDS);
                if (o != SiteNode.Outcome.DONE) {
                    throw new IllegalStateException("site " + SITES.get(i) + " ended " + o);
                }
            }
            pool.shutdownNow();
            // The board places a case in a risk group only from a calibrated card, and the calibration round
            // calibrates the final model: that one is promoted. A run that could not calibrate (its round timed
            // out) promotes its best round by held-out C instead.
            Optional<ModelVersion> calibrated = calibrated(registry);
            if (calibrated.isPresent()) {
                registry.promote(calibrated.get(), coordinator.audit(), "demo", "calibrated final model of run "
                        + RUN_ID);
            } else {
                ModelVersion best = registry.bestBy(RUN_ID, "harrell_c", false).orElseThrow(() ->
                        new IllegalStateException("no round of " + RUN_ID + " has a federated harrell_c"));
                registry.promote(best, coordinator.audit(), "demo", "best federated harrell_c of run " + RUN_ID);
            }
        }
        summary(registry, start);
    }

    private List<String> coordinatorOverrides() {
        List<String> o = new ArrayList<>(List.of("listen.host=127.0.0.1", "listen.port=0",
                "tls.certificate=" + home.resolve("certs/coordinator.crt"), "tls.privateKey=" + home.resolve("certs/coordinator.key"),
                "tls.caCertificate=" + home.resolve("certs/ca.crt"), "work=" + home.resolve("work"),
                "registry=" + home.resolve("registry"), "metricsPort=-1", "sites=" + SITES,
                "features.setup=" + home.resolve("work/fusion-setup.json"), "run.id=" + RUN_ID,
                // Small enough for a few minutes on 2 shared cores, long enough to show learning over rounds.
                "run.rounds=8", "run.sitesPerRound=3", "run.minSites=2", "run.localEpochs=2", "run.learningRate=0.005",
                "run.roundTimeoutSeconds=120"));
        o.add("features.summaries=" + SITES.stream().map(s -> home.resolve("summaries/" + s + ".json").toString()).toList());
        return o;
    }

    private List<String> siteOverrides(String name) {
        Path siteHome = home.resolve("sites").resolve(name);
        return List.of("name=" + name, "run=" + RUN_ID, "coordinator.host=localhost",
                "tls.certificate=" + home.resolve("certs/sites/" + name + ".crt"),
                "tls.privateKey=" + home.resolve("certs/sites/" + name + ".key"), "tls.caCertificate=" + home.resolve("certs/ca.crt"),
                "cases=" + cases(name), "fusionSetup=" + home.resolve("work/fusion-setup.json"),
                "featureSummary=" + home.resolve("summaries/" + name + ".json"),
                "approvedRuns=" + siteHome.resolve("approved-runs.txt"), "heartbeatSeconds=2");
    }

    /** The pipeline's case dataset of a site, or (before the pipeline stage ran) the cohort's truth cases. */
    private Path cases(String site) {
        Path pipeline = demo.resolve("pipeline").resolve(site).resolve("cases");
        if (hasJsonLines(pipeline)) {
            return pipeline;
        }
        Path truth = demo.resolve("cohort").resolve("truth").resolve(site).resolve("expected-cases.jsonl");
        if (Files.isRegularFile(truth)) {
            out.println("[" + STAGE + "] " + site + ": no pipeline output at " + pipeline + "; using the cohort's truth cases "
                    + truth);
            return truth;
        }
        throw new IllegalStateException("no case dataset for " + site + " (neither " + pipeline + " nor " + truth + ")");
    }

    private static boolean hasJsonLines(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jsonl"));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean finished(ModelRegistry registry) throws IOException {
        Path runJson = home.resolve("registry").resolve(RUN_ID).resolve("run.json");
        return Files.exists(runJson) && registry.promoted().isPresent()
                && "finished".equals(new ObjectMapper().readTree(runJson.toFile()).path("status").asText());
    }

    /** True when a site's pipeline run completed after the run was promoted: its model never saw those cases. */
    private boolean trainedBeforeTheCases() throws IOException {
        Path promoted = home.resolve("registry").resolve("promoted");
        if (!Files.exists(promoted)) {
            return false;
        }
        for (String site : SITES) {
            Path report = demo.resolve("pipeline").resolve(site).resolve("run-report.txt");
            if (Files.exists(report)
                    && Files.getLastModifiedTime(report).compareTo(Files.getLastModifiedTime(promoted)) > 0) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ModelVersion> calibrated(ModelRegistry registry) throws IOException {
        List<ModelVersion> versions = registry.versions(RUN_ID);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!registry.lineage(versions.get(i)).path("calibration").isEmpty()) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    private void summary(ModelRegistry registry, long start) throws IOException {
        ModelVersion promoted = registry.promoted().orElseThrow();
        List<ModelVersion> versions = registry.versions(RUN_ID);
        ModelVersion last = versions.get(versions.size() - 1);
        out.println("[" + STAGE + "] summary");
        out.printf("  run %s: %d rounds over %s (mTLS on loopback)%n", RUN_ID, versions.size(), SITES);
        for (ModelVersion v : versions) {
            JsonNode g = registry.lineage(v).path("evaluation").path("global");
            out.printf("  %s  federated held-out Harrell C %s%n", v.path(), g.has("harrell_c")
                    ? String.format("%.3f", g.get("harrell_c").asDouble()) : "(not evaluated)");
        }
        JsonNode sites = registry.lineage(last).path("evaluation").path("sites");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) sites::fields) {
            out.printf("  final model at %s: Harrell C %.3f on %d held-out cases%n", e.getKey(),
                    e.getValue().path("metrics").path("harrell_c").asDouble(), e.getValue().path("examples").asLong());
        }
        JsonNode calibration = registry.lineage(promoted).path("calibration");
        out.printf("  promoted: %s (%s)%n", promoted.path(), calibration.isEmpty() ? "best federated Harrell C; "
                + "no calibration table, so the board shows no risk group"
                : "the final model, with a calibration table of " + calibration.size() + " risk groups pooled from the "
                + "sites' aggregates");
        out.printf("  files: registry %s (promoted, %s/run.json, metrics.jsonl, round-NNNN/model.zip + lineage.json)%n",
                home.resolve("registry"), RUN_ID);
        out.printf("         certificates %s; checkpoints and audit log %s%n", home.resolve("certs"), home.resolve("work"));
        out.printf("  took %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String advice(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("no case dataset")) {
            return "run the earlier demo stages first (./mvnw -B -Pdemo install -DskipTests from the repository root), "
                    + "which write demo-output/cohort and demo-output/pipeline";
        }
        if (m.contains("checkpoint") || m.contains("differently configured")) {
            return "the work folder belongs to another run configuration: rerun with -Ddemo.fresh=true";
        }
        return "rerun with -Ddemo.fresh=true to start the federation stage over; if it fails again, the message above "
                + "names the failing part (see also demo-output/federation/work/audit.jsonl)";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
