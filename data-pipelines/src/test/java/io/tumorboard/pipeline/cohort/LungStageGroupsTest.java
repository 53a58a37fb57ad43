package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tumorboard.model.cases.AjccEdition;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class LungStageGroupsTest {

    private static final Path SEER = Path.of("../../shared/reference-data/seer-tnm7-lung");

    @Test
    void eighthEditionGroupsFollowTheAjccLungTable() {
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T1a", "N0", "M0")).isEqualTo("IA1");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T1c", "N0", "M0")).isEqualTo("IA3");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T2b", "N0", "M0")).isEqualTo("IIA");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T1c", "N1", "M0")).isEqualTo("IIB");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T4", "N0", "M0")).isEqualTo("IIIA");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T3", "N2", "M0")).isEqualTo("IIIB");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T3", "N3", "M0")).isEqualTo("IIIC");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T1a", "N0", "M1b")).isEqualTo("IVA");
        assertThat(LungStageGroups.group(AjccEdition.EIGHTH, "T1a", "N0", "M1c")).isEqualTo("IVB");
    }

    @Test
    void sizeDecidesTheTCategoryDifferentlyUnderEachEdition() {
        assertThat(LungStageGroups.tFromSize(AjccEdition.EIGHTH, 25, false)).isEqualTo("T1c");
        assertThat(LungStageGroups.tFromSize(AjccEdition.SEVENTH, 25, false)).isEqualTo("T1b");
        assertThat(LungStageGroups.tFromSize(AjccEdition.EIGHTH, 75, false)).isEqualTo("T4");
        assertThat(LungStageGroups.tFromSize(AjccEdition.SEVENTH, 75, false)).isEqualTo("T3");
        assertThat(LungStageGroups.tFromSize(AjccEdition.SEVENTH, 12, true)).isEqualTo("T4");
    }

    @Test
    void aCategoryOfTheOtherEditionIsRefused() {
        assertThatThrownBy(() -> LungStageGroups.group(AjccEdition.SEVENTH, "T1c", "N0", "M0"))
                .hasMessageContaining("T1c");
        assertThatThrownBy(() -> LungStageGroups.group(AjccEdition.SEVENTH, "T1a", "N0", "M1c"))
                .hasMessageContaining("M1c");
    }

    @Test
    void seventhEditionGroupsAgreeWithEverySeerTnm7Row() throws IOException {
        assumeTrue(Files.isDirectory(SEER), "../shared/reference-data/seer-tnm7-lung is absent (a fresh clone"
                + " without the shared reference data): the SEER conformance check is skipped");
        int checked = 0;
        for (String table : List.of("seer_tnm7_lung_clinical_stage_table.csv",
                "seer_tnm7_lung_pathologic_stage_table.csv")) {
            try (Reader reader = Files.newBufferedReader(SEER.resolve(table))) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                    String t = seerT(row.get("t"));
                    String n = "N" + row.get("n");
                    String m = seerM(row.get("m"));
                    if (!row.get("outcome").equals("VALUE") || t == null || m == null
                            || !LungStageGroups.N.contains(n)) {
                        continue;
                    }
                    assertThat(LungStageGroups.group(AjccEdition.SEVENTH, t, n, m))
                            .as("%s row %s", table, row.get("row")).isEqualTo(row.get("expected_stage_group"));
                    checked++;
                }
            }
        }
        assertThat(checked).as("SEER rows with a fully specified 7th-edition T, N and M").isGreaterThan(100);
    }

    private static String seerT(String t) {
        return switch (t) {
            case "1A" -> "T1a";
            case "1B" -> "T1b";
            case "2A" -> "T2a";
            case "2B" -> "T2b";
            case "3" -> "T3";
            case "4" -> "T4";
            default -> null;
        };
    }

    private static String seerM(String m) {
        return switch (m) {
            case "0" -> "M0";
            case "1A" -> "M1a";
            case "1B" -> "M1b";
            default -> null;
        };
    }
}
