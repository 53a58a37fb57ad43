package io.tumorboard.federation.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.federation.security.CertificateAuthority;
import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator and two hospital sites as separate processes, started from the runnable jar with the example
 * configuration files of {@code federation/config} (only ports and paths overridden), over mutual TLS on
 * loopback: summaries, feature pipeline, a two-round fusion run, the registry, and a promotion.
 */
class StandaloneProcessesIT {

    private static final Path JAR = Path.of(System.getProperty("federation.jar", "target/federation-0.1.0-SNAPSHOT.jar"));
    private static final Path CONFIG = Path.of(System.getProperty("federation.config", "config"));
    private static final List<String> SITES = List.of("hospital-a", "hospital-b");

    @TempDir
    Path dir;

    @Test
    void aCoordinatorAndTwoSitesFromTheExampleFilesCompleteAFusionRunThatLandsInTheRegistry() throws Exception {
        CertificateAuthority ca = CertificateAuthority.init(dir.resolve("certs"), List.of(), Duration.ofDays(1));
        SITES.forEach(s -> ca.issueSite(s, Duration.ofDays(1)));
        List<PatientCase> cohort = new SyntheticCohort(17).cases(320, SITES);
        for (String s : SITES) {
            Files.createDirectories(dir.resolve(s).resolve("cases"));
            new CaseCodec(CaseCodec.UnknownFields.REJECT).write(dir.resolve(s).resolve("cases").resolve("cases.jsonl"),
                    cohort.stream().filter(c -> c.site().equals(s)).toList());
            assertThat(java(s + "-summary", site(s, 0, "--summarize")).waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(dir.resolve("summaries").resolve(s + ".json")).exists();
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process digest = java("digest", coordinator(port, "--print-digest"));
        assertThat(digest.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (String s : SITES) {
            Files.copy(dir.resolve("digest.log"), dir.resolve(s).resolve("approved-runs.txt"));
        }

        Process coordinator = java("coordinator", coordinator(port));
        waitFor(() -> log("coordinator").contains("listening on"), coordinator, "coordinator start");
        List<Process> sites = new ArrayList<>();
        for (String s : SITES) {
            sites.add(java(s, site(s, port)));
        }
        assertThat(coordinator.waitFor(240, TimeUnit.SECONDS)).as(log("coordinator")).isTrue();
        assertThat(coordinator.exitValue()).as(log("coordinator")).isZero();
        for (int i = 0; i < sites.size(); i++) {
            assertThat(sites.get(i).waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sites.get(i).exitValue()).as(log(SITES.get(i))).isZero();
        }
        assertThat(log("hospital-a")).contains("DONE");

        Path run = dir.resolve("registry").resolve("it-run");
        ObjectMapper json = new ObjectMapper();
        JsonNode runJson = json.readTree(run.resolve("run.json").toFile());
        assertThat(runJson.path("status").asText()).isEqualTo("finished");
        assertThat(runJson.path("completedRounds").asInt()).isEqualTo(2);
        assertThat(runJson.path("sites")).hasSize(2);
        ModelPackage.Loaded last = ModelPackage.load(run.resolve("round-0002").resolve("model.zip"));
        assertThat(last.card().metrics()).containsKey("harrell_c");
        assertThat(last.card().training().sites()).containsOnlyKeys(SITES.toArray(String[]::new));
        JsonNode lineage = json.readTree(run.resolve("round-0002").resolve("lineage.json").toFile());
        assertThat(lineage.path("parent").asText()).isEqualTo("it-run/round-0001");
        assertThat(lineage.path("evaluation").path("global").path("harrell_c").isNumber()).isTrue();
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).anySatisfy(l -> assertThat(l)
                .contains("\"site\":\"hospital-b\"", "\"phase\":\"evaluate\""));

        Process promote = java("promote", List.of("promote", "--registry", dir.resolve("registry").toString(),
                "--audit", dir.resolve("work").resolve("audit.jsonl").toString(), "--run", "it-run", "--best-by", "harrell_c"));
        assertThat(promote.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promote.exitValue()).as(log("promote")).isZero();
        assertThat(Files.readString(dir.resolve("registry").resolve("promoted")).strip()).matches("it-run/round-000[12]");
        assertThat(Files.readString(dir.resolve("work").resolve("audit.jsonl"))).contains("MODEL_PROMOTED");
    }

    private List<String> coordinator(int port, String... extra) {
        List<String> args = new ArrayList<>(List.of("coordinator", "--config", CONFIG.resolve("coordinator.yaml").toString()));
        for (String set : List.of("listen.host=127.0.0.1", "listen.port=" + port,
                "tls.certificate=" + dir.resolve("certs/coordinator.crt"), "tls.privateKey=" + dir.resolve("certs/coordinator.key"),
                "tls.caCertificate=" + dir.resolve("certs/ca.crt"), "work=" + dir.resolve("work"),
                "registry=" + dir.resolve("registry"), "metricsPort=0", "sites=[hospital-a, hospital-b]",
                "features.summaries=[" + dir.resolve("summaries/hospital-a.json") + ", " + dir.resolve("summaries/hospital-b.json") + "]",
                "features.setup=" + dir.resolve("fusion-setup.json"), "run.id=it-run", "run.rounds=2", "run.sitesPerRound=2",
                "run.minSites=2", "run.localEpochs=1", "run.roundTimeoutSeconds=120")) {
            args.add("--set");
            args.add(set);
        }
        args.addAll(List.of(extra));
        return args;
    }

    private List<String> site(String name, int port, String... extra) {
        Path home = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("site", "--config", CONFIG.resolve("site.yaml").toString()));
        for (String set : List.of("name=" + name, "run=it-run", "coordinator.host=localhost", "coordinator.port=" + port,
                "tls.certificate=" + dir.resolve("certs/sites/" + name + ".crt"),
                "tls.privateKey=" + dir.resolve("certs/sites/" + name + ".key"), "tls.caCertificate=" + dir.resolve("certs/ca.crt"),
                "cases=" + home.resolve("cases"), "fusionSetup=" + dir.resolve("fusion-setup.json"),
                "featureSummary=" + dir.resolve("summaries/" + name + ".json"),
                "approvedRuns=" + home.resolve("approved-runs.txt"), "heartbeatSeconds=1")) {
            args.add("--set");
            args.add(set);
        }
        args.addAll(List.of(extra));
        return args;
    }

    private Process java(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private String log(String name) {
        try {
            Path f = dir.resolve(name + ".log");
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable log: " + e.getMessage() + ")";
        }
    }

    private void waitFor(java.util.function.BooleanSupplier ready, Process p, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!ready.getAsBoolean()) {
            assertThat(p.isAlive()).as(what + " died: " + log("coordinator")).isTrue();
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(end);
            Thread.sleep(100);
        }
    }
}
