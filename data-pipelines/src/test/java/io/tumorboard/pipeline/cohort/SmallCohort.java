package io.tumorboard.pipeline.cohort;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One small cohort (3 sites x 60 patients) generated once per test JVM and shared by the test classes. */
final class SmallCohort {

    static final List<String> SITES = List.of("hospital-a", "hospital-b", "hospital-c");
    static final int PATIENTS = 60;
    static final long SEED = 7L;

    private static Path folder;

    private SmallCohort() {
    }

    static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("small-cohort");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Shared by several test classes, so no @TempDir: removed when the test JVM ends.
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
            new CohortGenerator(FhirContext.forR4Cached())
                    .generate(new CohortSettings(SITES, PATIENTS, SEED, folder), () -> { });
        }
        return folder;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not remove the test cohort " + root + ": " + e.getMessage());
        }
    }

}
