package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCohortTest {

    @Test
    void anExistingCohortIsKeptAndDescribedFromItsCohortJson(@TempDir Path root) throws IOException {
        CohortSettings settings = new CohortSettings(List.of("hospital-a", "hospital-c"), 20, 9L, root.resolve("c"));
        CohortSummary generated = DemoCohort.prepare(settings, false);
        Path marker = settings.out().resolve("hospital-a/fhir/Patient.ndjson");
        Files.setLastModifiedTime(marker, FileTime.fromMillis(0));

        CohortSummary again = DemoCohort.prepare(settings, false);

        assertThat(Files.getLastModifiedTime(marker).toMillis()).isZero();
        assertThat(again.describe()).isEqualTo(generated.describe());
        assertThat(again.describe()).contains("hospital-c: 20 patients", "malformed records: ",
                "discrepancies per type: ", "records: {Patient=");
    }

    @Test
    void freshStartsOverAndLeavesNothingOfTheOldFolder(@TempDir Path root) throws IOException {
        CohortSettings settings = new CohortSettings(List.of("hospital-a"), 20, 9L, root.resolve("c"));
        DemoCohort.prepare(settings, false);
        Path stray = Files.writeString(settings.out().resolve("stray.txt"), "left from an older run");

        CohortSummary fresh = DemoCohort.prepare(settings, true);

        assertThat(stray).doesNotExist();
        assertThat(fresh.patients()).isEqualTo(20);
        assertThat(settings.out().resolve("cohort.json")).isRegularFile();
    }

    @Test
    void aCohortOfAnotherGeneratorVersionIsGeneratedAnewNotReused(@TempDir Path root) throws IOException {
        CohortSettings settings = new CohortSettings(List.of("hospital-a"), 20, 9L, root.resolve("c"));
        DemoCohort.prepare(settings, false);
        Path summary = settings.out().resolve("cohort.json");
        Files.writeString(summary, Files.readString(summary).replace("\"" + CohortGenerator.VERSION + "\"",
                "\"0.9.0\""));
        Path stray = Files.writeString(settings.out().resolve("stray.txt"), "left from the older generator");

        CohortSummary again = DemoCohort.prepare(settings, false);

        assertThat(again.generatorVersion()).isEqualTo(CohortGenerator.VERSION);
        assertThat(stray).doesNotExist();
    }
}
