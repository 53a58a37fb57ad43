package io.tumorboard.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.model.casestore.PipelineRun;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.job.PipelineRunner;
import io.tumorboard.pipeline.job.PipelineSettings;
import io.tumorboard.pipeline.sink.StoreConnection;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar submitted to a standalone Flink session cluster, the way {@code flink run} does it: a JobManager
 * process ({@code StandaloneSessionClusterEntrypoint}, what {@code jobmanager.sh} starts) and a TaskManager process
 * ({@code TaskManagerRunner}, what {@code taskmanager.sh} starts), both reading one {@code config.yaml}, and Flink's
 * own command-line client ({@code CliFrontend}, what the {@code flink} script starts) running {@code run -c
 * PipelineCommand <jar> ...} against the JobManager's REST endpoint from a fourth process. None of the three has
 * the pipeline, HAPI FHIR, Jackson or the JDBC drivers on its class path, so the job's classes can only come from
 * the uploaded jar: the JobManager stores it in its blob server and the TaskManager loads it through its user-code
 * class loader.
 */
class ClusterSubmissionIT {

    static final Path EXPORT = Path.of("src/test/resources/export/site-a");
    static final String SITE = "site-a";

    /** What must not be on the cluster's class path: the pipeline, the case model, and the job's libraries. */
    static final List<String> APPLICATION = List.of("/io/tumorboard/", "/ca/uhn/", "/org/hl7/", "/com/fasterxml/",
            "/com/h2database/", "/org/postgresql/", "/org/flywaydb/", "/info/picocli/", "/me/tongfei/",
            "/org/apache/commons/commons-csv/", "multimodal-model");

    /**
     * The module openings the Flink distribution's {@code config.yaml} gives every Flink JVM on Java 17
     * ({@code env.java.default-opts.all}); without {@code java.util} the client cannot start a program.
     */
    static final List<String> FLINK_JVM_OPENS = Stream.of("java.lang", "java.net", "java.io", "java.nio",
            "sun.nio.ch", "java.lang.reflect", "java.text", "java.time", "java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.util.concurrent.locks")
            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    @TempDir
    static Path work;

    static Path conf;
    static Process jobManager;
    static Process taskManager;
    static int restPort;

    @BeforeAll
    static void startAJobManagerAndATaskManagerEachInItsOwnProcess() throws Exception {
        restPort = freePort();
        conf = Files.createDirectories(work.resolve("flink-conf"));
        Files.writeString(conf.resolve("config.yaml"), StandaloneClusterConfig.yaml(freePort(), restPort,
                Files.createDirectories(work.resolve("flink-tmp"))));
        jobManager = new ProcessBuilder(flinkJvm("-Xmx512m",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--configDir", conf.toString()))
                .redirectErrorStream(true).redirectOutput(work.resolve("jobmanager.log").toFile()).start();
        taskManager = new ProcessBuilder(flinkJvm("-Xmx512m",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", conf.toString()))
                .redirectErrorStream(true).redirectOutput(work.resolve("taskmanager.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!restGet("/overview").contains("\"taskmanagers\":1")) {
            assertThat(jobManager.isAlive()).as("JobManager alive; its log:\n%s", log("jobmanager.log")).isTrue();
            assertThat(taskManager.isAlive()).as("TaskManager alive; its log:\n%s", log("taskmanager.log")).isTrue();
            assertThat(System.nanoTime()).as("a TaskManager registered within 120 s; JobManager log:\n%s\n"
                    + "TaskManager log:\n%s", log("jobmanager.log"), log("taskmanager.log")).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        for (Process process : new Process[] {taskManager, jobManager}) {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    @Test
    void theJarSubmittedWithTheFlinkClientRunsOnTheClusterAndGivesTheSameCasesAsTheEmbeddedRun() throws Exception {
        Path jar = shadedJar();
        Path out = work.resolve("cluster-out");
        ProcessBuilder client = new ProcessBuilder(flinkJvm("-Xmx512m", "org.apache.flink.client.cli.CliFrontend",
                "run", "-c", "io.tumorboard.pipeline.cli.PipelineCommand", jar.toString(),
                "--input", EXPORT.toAbsolutePath().toString(), "--site", SITE, "--out", out.toString(),
                "--run-id", "on-cluster"))
                .redirectErrorStream(true).redirectOutput(work.resolve("client.log").toFile());
        client.environment().put("FLINK_CONF_DIR", conf.toString());
        Process submitted = client.start();
        boolean ended = submitted.waitFor(240, TimeUnit.SECONDS);
        if (!ended) {
            submitted.destroyForcibly().waitFor();
        }
        assertThat(ended && submitted.exitValue() == 0).as("flink run ended with 0; client log:\n%s\ncluster log:\n%s",
                log("client.log"), log("cluster.log")).isTrue();
        assertThat(log("client.log")).contains("counts reconcile");
        assertThat(log("taskmanager.log")).doesNotContain("ClassNotFoundException");

        String jobs = restGet("/jobs/overview");
        assertThat(jobs).as("the cluster's own record of the job").contains("\"state\":\"FINISHED\"");

        StoreConnection onCluster = new StoreConnection("jdbc:h2:file:" + out.resolve("casestore/" + SITE)
                + ";AUTO_SERVER=TRUE", "sa", "");
        StoreConnection embedded = new StoreConnection("jdbc:h2:file:" + work.resolve("embedded/" + SITE), "sa", "");
        new PipelineRunner(CaseRules.clinical()).runBounded(new PipelineSettings(EXPORT, SITE,
                ("tumorboard-demo-secret-" + SITE).getBytes(StandardCharsets.UTF_8), work.resolve("embedded-out"),
                embedded, "embedded", null, Duration.ofMinutes(1), 2, Duration.ofSeconds(1), null, null), n -> { });
        try (CaseStore fromCluster = onCluster.open(); CaseStore fromEmbedded = embedded.open()) {
            PipelineRun run = fromCluster.run("on-cluster").orElseThrow();
            assertThat(run.reconciles()).isTrue();
            assertThat(run.recordsIn()).isEqualTo(fromEmbedded.run("embedded").orElseThrow().recordsIn());
            assertThat(byKey(fromCluster.currentCases(SITE))).hasSize(2)
                    .isEqualTo(byKey(fromEmbedded.currentCases(SITE)));
            assertThat(fromCluster.deadLetters("on-cluster")).hasSize((int) run.rejected());
        }
    }

    /** The JobManager's REST answer, or "" while it is not up. */
    static String restGet(String path) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort
                    + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException notYetListening) {
            return "";
        }
    }

    /** A port free at the moment: the JobManager's RPC and REST ports must be known to the other processes. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * This test JVM's class path without the application (the pipeline's classes, the case model, HAPI, Jackson,
     * the JDBC drivers, the command-line libraries): Flink and its own dependencies.
     */
    static String flinkOnlyClassPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            boolean application = APPLICATION.stream().anyMatch(path::contains) || path.endsWith("/classes")
                    || path.endsWith("/test-classes");
            if (!application) {
                kept.add(entry);
            }
        }
        assertThat(kept).as("the pipeline's own classes are not on the cluster's class path")
                .noneMatch(e -> Files.exists(Path.of(e, "io/tumorboard/pipeline/cli/PipelineCommand.class")));
        return String.join(File.pathSeparator, kept);
    }

    private static Path shadedJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("data-pipelines-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-tests.jar")).toList();
            assumeTrue(jars.size() == 1, "the shaded jar target/data-pipelines-*.jar is built in the package phase; "
                    + "run this test with `verify` (found " + jars + ")");
            return jars.get(0).toAbsolutePath();
        }
    }

    private static List<PatientCase> byKey(List<PatientCase> cases) {
        return cases.stream().sorted(Comparator.comparing(PatientCase::caseKey)).toList();
    }

    private static String log(String name) {
        try {
            Path file = work.resolve(name);
            if (!Files.exists(file)) {
                return "(none)";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A JVM as the Flink distribution starts one: its module openings and the Flink-only class path. */
    private static List<String> flinkJvm(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.addAll(FLINK_JVM_OPENS);
        command.addAll(List.of("-cp", flinkOnlyClassPath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
