package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortDeterminismTest {

    private final CohortGenerator generator = new CohortGenerator(FhirContext.forR4Cached());

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path first, @TempDir Path second,
            @TempDir Path other) throws IOException {
        List<String> sites = List.of("hospital-a", "hospital-b");
        generator.generate(new CohortSettings(sites, 20, 42L, first), () -> { });
        generator.generate(new CohortSettings(sites, 20, 42L, second), () -> { });
        generator.generate(new CohortSettings(sites, 20, 43L, other), () -> { });

        Map<String, byte[]> a = contents(first);
        Map<String, byte[]> b = contents(second);
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains("cohort.json", "hospital-a/fhir/Patient.ndjson",
                "hospital-b/radiomics/radiomics_features.csv", "truth/hospital-a/expected-cases.jsonl",
                "truth/survival-model.json");
        a.forEach((file, bytes) -> assertThat(b.get(file)).as(file).isEqualTo(bytes));
        assertThat(contents(other).get("hospital-a/fhir/Observation.ndjson"))
                .isNotEqualTo(a.get("hospital-a/fhir/Observation.ndjson"));
    }

    @Test
    void everyPatientGetsTheCountAskedForAndTheSiteFoldersItNames(@TempDir Path out) {
        CohortSummary summary = generator.generate(new CohortSettings(List.of("hospital-a"), 25, 1L, out), () -> { });

        assertThat(summary.patients()).isEqualTo(25);
        assertThat(out.resolve("hospital-a/fhir")).isDirectory();
        assertThat(out.resolve("truth/hospital-a/patients.jsonl")).isRegularFile();
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }
}
