package io.tumorboard.model.learning.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.StageDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCohortReaderTest {

    static final Path NSCLC = Path.of("../../shared/reference-data/nsclc-radiogenomics/"
            + "NSCLCR01Radiogenomic_DATA_LABELS_2018-05-22_1500-shifted.csv");
    static final Path NSCLC_MAPPING = Path.of("mappings/nsclc-radiogenomics.properties");

    @TempDir
    Path dir;

    @Test
    void theRealNsclcTableBecomesClinicalOnlyCasesWithOutcomesAndSeventhEditionStages() {
        assumeTrue(Files.exists(NSCLC), "../shared/reference-data is absent (a fresh clone): NSCLC table not read");
        TableCohortReader.Result result = new TableCohortReader(TableMapping.read(NSCLC_MAPPING)).read(NSCLC);
        List<PatientCase> cases = result.cases();
        assertThat(cases).hasSize(211);
        assertThat(cases).extracting(PatientCase::site).containsOnly("Stanford", "VA");
        assertThat(cases).allSatisfy(c -> assertThat(c.modalities().imaging() || c.modalities().pathology()).isFalse());
        assertThat(cases.stream().filter(c -> c.outcome() != null).count()).isGreaterThan(200);
        assertThat(cases.stream().filter(c -> c.outcome() != null && c.outcome().death()).count()).isGreaterThan(40);
        assertThat(cases).anySatisfy(c -> assertThat(c.staging()).anyMatch(o -> o.descriptor() == StageDescriptor.T
                && o.value().startsWith("T")));
        // "Not Collected" and "N/A" are missing values, not categories.
        assertThat(cases).noneMatch(c -> c.staging().stream().anyMatch(o -> o.value().equalsIgnoreCase("Not Collected")));
        assertThat(cases).noneMatch(c -> c.caseKey().startsWith("AMC") || c.caseKey().startsWith("R01"));
    }

    @Test
    void unreadableCellsAreReportedWithTheirLineAndTheRowIsKept() throws IOException {
        Path table = dir.resolve("cohort.csv");
        Files.writeString(table, """
                pid,days,status,age,smoker,vol
                p1,400,dead,61,Current smoker,12.5
                p2,N/A,alive,abc,Never,big
                """);
        Path mapping = dir.resolve("mapping.properties");
        Files.writeString(mapping, """
                id=pid
                site.constant=site-x
                time.days=days
                event=status
                event.values=dead
                age=age
                smoking=smoker
                radiomics=vol
                missing=N/A
                """);
        TableCohortReader.Result result = new TableCohortReader(TableMapping.read(mapping)).read(table);
        assertThat(result.cases()).hasSize(2);
        PatientCase first = result.cases().get(0);
        assertThat(first.outcome().death()).isTrue();
        assertThat(first.outcome().followUpDays()).isEqualTo(400);
        assertThat(first.clinical().smoking()).isEqualTo(SmokingStatus.CURRENT);
        assertThat(first.imaging().get(0).radiomics()).containsEntry("vol", 12.5);
        assertThat(result.cases().get(1).outcome()).isNull();
        assertThat(result.problems()).anyMatch(p -> p.contains("line 3") && p.contains("follow-up"))
                .anyMatch(p -> p.contains("line 3") && p.contains("age 'abc'"))
                .anyMatch(p -> p.contains("line 3") && p.contains("radiomics 'vol'"));
    }
}
