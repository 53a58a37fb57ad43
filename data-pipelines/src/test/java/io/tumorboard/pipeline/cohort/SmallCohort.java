package io.tumorboard.pipeline.cohort;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One small cohort (3 sites x 60 patients) generated once per test JVM and shared by the test classes. */
final class SmallCohort {

    static final List<String> SITES = List.of("hospital-a", "hospital-b", "hospital-c");
    static final int PATIENTS = 60;
    static final long SEED = 7L;

    private static Path folder;
    private static CohortSummary summary;

    private SmallCohort() {
    }

    static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("small-cohort");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            summary = new CohortGenerator(FhirContext.forR4Cached())
                    .generate(new CohortSettings(SITES, PATIENTS, SEED, folder), () -> { });
        }
        return folder;
    }

    static synchronized CohortSummary summary() {
        folder();
        return summary;
    }
}
