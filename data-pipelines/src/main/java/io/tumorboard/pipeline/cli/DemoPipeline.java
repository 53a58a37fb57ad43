package io.tumorboard.pipeline.cli;

import io.tumorboard.pipeline.cohort.CohortSummary;
import io.tumorboard.pipeline.cohort.CohortSummaryReader;
import io.tumorboard.pipeline.cohort.DemoCohort;
import io.tumorboard.pipeline.cohort.SiteSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's pipeline stage: runs the pipeline at each hospital of the demo cohort the way that hospital would run
 * it (its own export folder, its own pseudonymisation secret, embedded Flink), into
 * {@code demo-output/pipeline/<site>} and one case store for the demo workbench, {@code demo-output/casestore}.
 * A site whose dataset is already there is reused unless {@code --fresh}.
 * Usage: {@code DemoPipeline <demo-output folder> [--fresh=true|false]}.
 */
public final class DemoPipeline {

    static final String STAGE = "pipeline";

    private final Path demo;

    DemoPipeline(Path demo) {
        this.demo = demo.toAbsolutePath();
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DemoPipeline <demo-output folder> [--fresh=true|false]");
            System.exit(2);
        }
        boolean fresh = args.length > 1 && (args[1].equals("--fresh") || args[1].equals("--fresh=true"));
        try {
            System.exit(new DemoPipeline(Path.of(args[0])).run(fresh));
        } catch (RuntimeException e) {
            System.err.printf("[%s] FAILED: %s%n[%s] what to do: read the message above; rerun the demo with "
                    + "-Ddemo.fresh=true to start over from a new cohort%n", STAGE, e.getMessage(), STAGE);
            System.exit(1);
        }
    }

    /** Runs every site; 0 when every run's counts reconcile. */
    int run(boolean fresh) {
        Path cohort = demo.resolve("cohort");
        if (!Files.isRegularFile(cohort.resolve("cohort.json"))) {
            throw new IllegalStateException("no demo cohort at " + cohort + ": the cohort stage writes it first");
        }
        CohortSummary summary = CohortSummaryReader.read(cohort);
        if (fresh) {
            DemoCohort.deleteTree(demo.resolve("casestore"));
        }
        int status = 0;
        for (SiteSummary site : summary.sites()) {
            status = Math.max(status, runSite(cohort, site.site(), fresh));
        }
        System.out.printf("[%s] case store (all sites): %s%n", STAGE, demo.resolve("casestore"));
        return status;
    }

    private int runSite(Path cohort, String site, boolean fresh) {
        Path out = demo.resolve("pipeline").resolve(site);
        Path done = out.resolve("run-report.txt");
        if (!fresh && Files.isRegularFile(done) && hasCases(out.resolve("cases"))
                && !isOlder(done, cohort.resolve("cohort.json"))) {
            System.out.printf("[%s] %s: reusing %s (-Ddemo.fresh=true starts over)%n", STAGE, site, out);
            return 0;
        }
        DemoCohort.deleteTree(out);
        Path secret = siteSecret(out);
        List<String> args = List.of("--input", cohort.toString(), "--site", site, "--out", out.toString(),
                "--jdbc-url", "jdbc:h2:file:" + demo.resolve("casestore").resolve("cases") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "--site-secret-file", secret.toString(), "--parallelism", "1");
        System.out.printf("[%s] %s: %s -> %s%n", STAGE, site, cohort.resolve(site), out);
        int status = PipelineCommand.commandLine(args.toArray(String[]::new)).execute(args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("the pipeline at " + site + " ended with status " + status
                    + (status == 2 ? " (its counts do not reconcile; see the report above)" : ""));
        }
        write(done, "pipeline at " + site + " completed; counts reconcile\n");
        return status;
    }

    /** A random secret per site, kept beside its output: pseudonyms stay stable when the demo reruns a site. */
    private static Path siteSecret(Path out) {
        Path secret = out.getParent().resolve(out.getFileName() + ".site-secret");
        if (!Files.exists(secret)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            write(secret, HexFormat.of().formatHex(bytes));
            try {
                Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException e) {
                // Not a POSIX file system: the file keeps its default permissions.
            }
        }
        return secret;
    }

    /** True when {@code output} was written before {@code input}: a regenerated cohort makes old output stale. */
    private static boolean isOlder(Path output, Path input) {
        try {
            return Files.getLastModifiedTime(output).compareTo(Files.getLastModifiedTime(input)) < 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasCases(Path cases) {
        if (!Files.isDirectory(cases)) {
            return false;
        }
        try (Stream<Path> files = Files.list(cases)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
