package io.tumorboard.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.model.casestore.DeadLetter;
import io.tumorboard.model.casestore.PipelineRun;
import io.tumorboard.model.casestore.ThrowawayPostgres;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.cohort.CohortGenerator;
import io.tumorboard.pipeline.cohort.CohortSettings;
import io.tumorboard.pipeline.sink.StoreConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded job writing into a real PostgreSQL server (the configuration a hospital runs with), on a generated
 * site that holds every malformed kind: the shared migrations apply, counts reconcile in the store, a rerun of
 * the same export adds nothing, and the cases are the ones the embedded H2 default gets.
 */
@ExtendWith(ThrowawayPostgres.class)
class PostgresRunIT {

    static final String SITE = "hospital-c";

    @TempDir
    static Path work;

    static StoreConnection postgres;
    static PipelineRun first;

    @BeforeAll
    static void generateASiteAndRunIntoPostgres() throws Exception {
        new CohortGenerator(FhirContext.forR4Cached())
                .generate(new CohortSettings(List.of(SITE), 25, 13L, work.resolve("cohort")), () -> { });
        postgres = new StoreConnection(ThrowawayPostgres.jdbcUrl(), ThrowawayPostgres.ROLE, "");
        first = run(postgres, "pg-1");
    }

    static PipelineRun run(StoreConnection store, String runId) throws Exception {
        PipelineSettings settings = new PipelineSettings(work.resolve("cohort").resolve(SITE), SITE,
                ("tumorboard-demo-secret-" + SITE).getBytes(StandardCharsets.UTF_8), work.resolve("out-" + runId),
                store, runId, null, Duration.ofMinutes(1), 2, Duration.ofSeconds(1), null, null);
        return new PipelineRunner(CaseRules.clinical()).runBounded(settings, n -> { });
    }

    @Test
    void theRunIsStoredInPostgresAndItsCountsReconcile() throws Exception {
        long patients = Files.readAllLines(work.resolve("cohort/truth/" + SITE + "/patients.jsonl")).stream()
                .filter(l -> !l.isBlank()).count();
        assertThat(first.reconciles()).isTrue();
        assertThat(first.rejected()).isPositive();
        try (CaseStore store = postgres.open()) {
            PipelineRun stored = store.run("pg-1").orElseThrow();
            assertThat(stored.recordsIn()).isEqualTo(first.recordsIn());
            assertThat(stored.accepted()).isEqualTo(first.accepted());
            assertThat(stored.rejected()).isEqualTo(first.rejected());
            assertThat(stored.skipped()).isEqualTo(first.skipped());
            assertThat(stored.reconciles()).isTrue();
            assertThat(store.deadLetters("pg-1")).hasSize((int) first.rejected());
            assertThat(store.currentCases(SITE)).hasSize((int) patients);
            assertThat(store.storedVersionCount(SITE)).isEqualTo(patients);
            PatientCase any = store.currentCases(SITE).get(0);
            assertThat(store.displayIdentity(any.caseKey())).isPresent();
        }
    }

    @Test
    void aRerunOfTheSameExportAddsNoRowsAndRejectsTheSameRecords() throws Exception {
        try (CaseStore store = postgres.open()) {
            List<PatientCase> before = byKey(store.currentCases(SITE));
            long versions = store.storedVersionCount(SITE);

            PipelineRun again = run(postgres, "pg-2");

            assertThat(again.reconciles()).isTrue();
            assertThat(again.recordsIn()).isEqualTo(first.recordsIn());
            assertThat(again.accepted()).isEqualTo(first.accepted());
            assertThat(again.rejected()).isEqualTo(first.rejected());
            assertThat(store.storedVersionCount(SITE)).isEqualTo(versions);
            assertThat(byKey(store.currentCases(SITE))).isEqualTo(before);
            assertThat(places(store.deadLetters("pg-2"))).isEqualTo(places(store.deadLetters("pg-1")));
        }
    }

    @Test
    void postgresHoldsTheSameCasesAsTheEmbeddedH2Default() throws Exception {
        StoreConnection h2 = new StoreConnection("jdbc:h2:file:" + work.resolve("h2/" + SITE).toAbsolutePath(),
                "sa", "");
        run(h2, "h2-1");
        try (CaseStore inH2 = h2.open(); CaseStore inPostgres = postgres.open()) {
            assertThat(byKey(inPostgres.currentCases(SITE))).isEqualTo(byKey(inH2.currentCases(SITE)));
        }
    }

    private static List<PatientCase> byKey(List<PatientCase> cases) {
        return cases.stream().sorted(Comparator.comparing(PatientCase::caseKey)).toList();
    }

    private static Set<String> places(List<DeadLetter> letters) {
        return letters.stream().map(l -> l.sourceFile() + ":" + l.lineNumber() + " " + l.reasonCode())
                .collect(Collectors.toSet());
    }
}
