package io.tumorboard.pipeline.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's entry: generates the default cohort into a folder unless it is already there (or {@code --fresh}
 * asks to start over), then prints what the folder holds. Usage: {@code DemoCohort <folder> [--fresh | --fresh=true|false]}.
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
        CohortSettings settings = new CohortSettings(CohortSettings.DEFAULT_SITES, CohortSettings.DEFAULT_PATIENTS,
                CohortSettings.DEFAULT_SEED, out);
        if (Files.exists(out.resolve("cohort.json")) && !fresh) {
            return CohortSummaryReader.read(out);
        }
        if (Files.exists(out)) {
            deleteTree(out);
        }
        return GenerateCohortCommand.run(settings);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder + " to start over", e);
        }
    }
}
