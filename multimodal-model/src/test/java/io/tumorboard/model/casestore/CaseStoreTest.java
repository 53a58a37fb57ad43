package io.tumorboard.model.casestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseStoreTest {

    @TempDir
    Path folder;

    private String url;
    private CaseStore store;

    @BeforeEach
    void openStore() {
        url = "jdbc:h2:file:" + folder.resolve("casestore").toAbsolutePath();
        store = CaseStore.open(url, "sa", "");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void writingTheSameCaseVersionTwiceStoresItOnce() {
        PatientCase version1 = aCase("k1", 1, List.of());

        assertThat(store.upsert(version1)).isTrue();
        assertThat(store.upsert(version1)).isFalse();

        assertThat(store.storedVersionCount("site-a")).isEqualTo(1);
        assertThat(store.caseVersion("k1", 1)).contains(version1);
    }

    @Test
    void currentCaseMovesForwardAndNeverBack() {
        PatientCase v1 = aCase("k1", 1, List.of());
        PatientCase v2 = aCase("k1", 2, List.of(flag(Severity.CRITICAL)));

        store.upsert(v1);
        store.upsert(v2);
        store.upsert(v1);

        assertThat(store.currentCases("site-a")).containsExactly(v2);
        assertThat(store.currentVersion("k1")).contains(2L);
        assertThat(store.storedVersionCount("site-a")).isEqualTo(2);
    }

    @Test
    void aBatchStoresEachNewVersionOnceAndLeavesTheNewestCurrentWhateverItsOrder() {
        PatientCase v1 = aCase("k1", 1, List.of());
        PatientCase v2 = aCase("k1", 2, List.of());
        PatientCase v3 = aCase("k1", 3, List.of(flag(Severity.CRITICAL)));

        assertThat(store.upsertAll(List.of(v1, v3, v2))).isEqualTo(3);
        assertThat(store.upsertAll(List.of(v2, aCase("k2", 1, List.of())))).isEqualTo(1);

        assertThat(store.currentVersion("k1")).contains(3L);
        assertThat(store.currentCases("site-a")).extracting(PatientCase::caseKey).containsExactlyInAnyOrder("k1", "k2");
        assertThat(store.storedVersionCount("site-a")).isEqualTo(4);
    }

    @Test
    void aBatchThatCannotBeStoredStoresNoneOfItsCasesAndNamesTheOneThatFailed() {
        String tooLong = "k".repeat(65);

        assertThatThrownBy(() -> store.upsertAll(List.of(aCase("k1", 1, List.of()), aCase(tooLong, 1, List.of()))))
                .isInstanceOf(CaseStoreException.class)
                .hasMessageContaining("cannot store case " + tooLong + " version 1")
                .hasMessageContaining("nor the 1 other case versions of its transaction");

        assertThat(store.storedVersionCount("site-a")).isZero();
        assertThat(store.currentVersion("k1")).isEmpty();
    }

    @Test
    void batchedDeadLettersAndDisplayIdentitiesAreStoredOnceEach() {
        DeadLetter line7 = new DeadLetter("run-1", "site-a", "fhir/Observation.ndjson", 7, "BROKEN_JSON",
                "fhir/Observation.ndjson line 7: broken JSON", "e30=");
        DeadLetter line9 = new DeadLetter("run-1", "site-a", "fhir/Observation.ndjson", 9, "BROKEN_JSON",
                "fhir/Observation.ndjson line 9: broken JSON", "e30=");

        assertThat(store.addDeadLetters(List.of(line7, line9, line7))).isEqualTo(2);
        store.rememberDisplayIdentities("site-a", Map.of("k1", "MRN-1", "k2", "MRN-2"));

        assertThat(store.deadLetters("run-1")).containsExactlyInAnyOrder(line7, line9);
        assertThat(store.displayIdentity("k2")).contains("MRN-2");
    }

    @Test
    void deadLettersAreStoredOncePerRunFileAndLine() {
        DeadLetter letter = new DeadLetter("run-1", "site-a", "fhir/Observation.ndjson", 7, "BROKEN_JSON",
                "fhir/Observation.ndjson line 7: broken JSON", "e30=");

        assertThat(store.addDeadLetter(letter)).isTrue();
        assertThat(store.addDeadLetter(letter)).isFalse();

        assertThat(store.deadLetters("run-1")).containsExactly(letter);
    }

    @Test
    void aRunKeepsItsReconciledCountsAndSkipReasons() {
        store.startRun("run-1", "site-a");
        store.finishRun(new PipelineRun("run-1", "site-a", null, Instant.parse("2026-01-01T00:00:00Z"), 10, 6, 3,
                Map.of("unused resource type Encounter", 1L), 2));

        PipelineRun run = store.run("run-1").orElseThrow();

        assertThat(run.reconciles()).isTrue();
        assertThat(run.skipped()).containsEntry("unused resource type Encounter", 1L);
        assertThat(run.casesWritten()).isEqualTo(2);
        assertThat(run.startedAt()).isNotNull();
    }

    @Test
    void displayIdentityStaysInTheStoreAndCanBeCorrected() {
        store.rememberDisplayIdentity("k1", "site-a", "MRN-1");
        store.rememberDisplayIdentity("k1", "site-a", "MRN-1b");

        assertThat(store.displayIdentity("k1")).contains("MRN-1b");
    }

    @Test
    void migrationIsRepeatableFromASecondProcessOpeningTheSameStore() {
        try (CaseStore second = CaseStore.open(url, "sa", "")) {
            store.upsert(aCase("k2", 1, List.of()));
            assertThat(second.currentCases("site-a")).extracting(PatientCase::caseKey).containsExactly("k2");
        }
    }

    @Test
    void aPasswordInTheUrlIsNeverShownInErrors() {
        assertThat(CaseStore.redacted("jdbc:postgresql://db/cases?user=a&password=secret&ssl=true"))
                .doesNotContain("secret");
    }

    private static PatientCase aCase(String key, long version, List<CaseFlag> flags) {
        PrimaryCancer cancer = new PrimaryCancer("C34.1", "Upper lobe of right lung", Laterality.RIGHT,
                "Adenocarcinoma", "8140/3", LocalDate.of(2024, 3, 1), SourceRef.fhir("Condition/c1", null));
        return new PatientCase(null, key, "site-a", version, Instant.parse("2024-03-01T00:00:00Z"), null, cancer,
                null, null, null, List.of(), null, null, null, flags, null);
    }

    private static CaseFlag flag(Severity severity) {
        return new CaseFlag(FlagType.LATERALITY_CONFLICT, severity, "laterality", "sides differ", null,
                "LAT-1", "ACR");
    }
}
