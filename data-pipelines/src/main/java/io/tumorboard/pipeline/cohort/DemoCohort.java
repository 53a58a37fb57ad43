package io.tumorboard.pipeline.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's entry: generates the default cohort into a folder unless it is already there (or {@code --fresh}
 * asks to start over), then prints what the folder holds.
 * Usage: {@code DemoCohort <folder> [--fresh | --fresh=true|false]}.
 */
public final class DemoCohort {

    private DemoCohort() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DemoCohort <output folder> [--fresh]");
            System.exit(2);
        }
        boolean fresh = args.length > 1 && (args[1].equals("--fresh") || args[1].equals("--fresh=true"));
        System.out.print(prepare(Path.of(args[0]), fresh).describe());
    }

    /** The default cohort in {@code out}: generated when absent or when {@code fresh}, else read from cohort.json. */
    public static CohortSummary prepare(Path out, boolean fresh) {
        return prepare(new CohortSettings(CohortSettings.DEFAULT_SITES, CohortSettings.DEFAULT_PATIENTS,
                CohortSettings.DEFAULT_SEED, out), fresh);
    }

    /** A cohort in {@code settings.out()}: generated when absent or when {@code fresh}, else read back. */
    public static CohortSummary prepare(CohortSettings settings, boolean fresh) {
        Path out = settings.out();
        if (Files.exists(out.resolve("cohort.json")) && !fresh) {
            CohortSummary existing = CohortSummaryReader.read(out);
            if (CohortGenerator.VERSION.equals(existing.generatorVersion())) {
                return existing;
            }
            // Another generator wrote other exports and truth: later stages would compare against stale truth.
            System.out.printf("[cohort] %s was written by generator %s, this is %s: generating anew%n", out,
                    existing.generatorVersion(), CohortGenerator.VERSION);
        }
        deleteTree(out);
        return GenerateCohortCommand.run(settings);
    }

    /** Removes {@code folder} and everything under it, if it exists: the demo stages' "start over". */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder + " to start over", e);
        }
    }
}
