package io.tumorboard.board.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The product's flow on a small demo cohort, each stage from the jar the build made, as the demo command runs
 * it: generate the cohort of three hospitals, run the Flink pipeline at each into one case store, train the
 * fusion model by federated averaging across three site nodes over mutual TLS, register and promote it. The
 * workbench is then started on what this leaves on disk.
 */
final class SmallProduct {

    static final List<String> SITES = List.of("hospital-a", "hospital-b", "hospital-c");
    static final int PATIENTS_PER_SITE = 40;

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static SmallProduct built;

    final Path work;

    private SmallProduct(Path work) {
        this.work = work;
    }

    /** Builds the product once per test JVM under {@code target/whole-product}. */
    static synchronized SmallProduct build() throws IOException, InterruptedException {
        if (built == null) {
            Path work = Path.of("target", "whole-product").toAbsolutePath();
            deleteRecursively(work);
            SmallProduct product = new SmallProduct(work);
            product.runPipelineStages(jar("data-pipelines"));
            product.runFederationStages(jar("federation"));
            built = product;
        }
        return built;
    }

    Path cohort() {
        return work.resolve("cohort");
    }

    Path caseStore() {
        return work.resolve("casestore").resolve("cases");
    }

    Path registry() {
        return work.resolve("federation").resolve("registry");
    }

    Path siteOutput(String site) {
        return work.resolve("pipeline").resolve(site);
    }

    String caseStoreUrl() {
        return "jdbc:h2:file:" + caseStore() + ";AUTO_SERVER=TRUE";
    }

    private void runPipelineStages(Path pipelineJar) throws IOException, InterruptedException {
        ProductStage.java("generate-cohort", work, List.of("-cp", pipelineJar.toString(),
                "io.tumorboard.pipeline.cohort.GenerateCohortCommand", "--sites", String.join(",", SITES),
                "--patients", String.valueOf(PATIENTS_PER_SITE), "--seed", "20261122", "--out", cohort().toString()))
                .run(work, Duration.ofMinutes(3));
        // The demo's pipeline stage itself: each site's export through the pipeline jar into the shared case store.
        ProductStage.java("pipeline", work, List.of("-cp", pipelineJar.toString(),
                "io.tumorboard.pipeline.cli.DemoPipeline", work.toString(), "--fresh=false"))
                .run(work, Duration.ofMinutes(8));
    }

    /**
     * The federation's demo stage itself: certificates, a coordinator and one site node per hospital, each from
     * the example configuration files in {@code federation/config}, over mutual TLS on loopback, reading the
     * pipeline's case datasets; the best round is promoted in the registry.
     */
    private void runFederationStages(Path federationJar) throws IOException, InterruptedException {
        ProductStage federation = ProductStage.java("federation", work, List.of("-cp", federationJar.toString(),
                "io.tumorboard.federation.standalone.DemoFederation", work.toString(),
                REPOSITORY.resolve("federation").resolve("config").toString(), "--fresh=true"));
        federation.run(work, Duration.ofMinutes(10));
        if (federation.log().contains("using the cohort's truth cases")) {
            throw new AssertionError("the federation trained on the cohort's truth instead of the pipeline's cases:\n"
                    + federation.tail());
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The runnable jar a module's build left in its target folder. */
    private static Path jar(String module) throws IOException {
        Path target = REPOSITORY.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-[0-9][^/]*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-tests.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no built jar of " + module + " in " + target
                            + ": run the end-to-end test from the repository root with ./mvnw -B verify, which packages "
                            + module + " before board-ui"));
        }
    }
}
