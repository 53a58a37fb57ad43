package io.tumorboard.model.rules.staging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.rules.staging.StageResult.CannotStage;
import io.tumorboard.model.rules.staging.StageResult.Reason;
import io.tumorboard.model.rules.staging.StageResult.Staged;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The full T x N x M grid of each edition's lung table, written out here from the manuals (independently of
 * the tables in main code), plus the rules shared by every edition.
 */
class StageGroupingTest {

    private static final String SEVENTH_M0 = """
            T1a  IA   IIA  IIIA IIIB
            T1b  IA   IIA  IIIA IIIB
            T2a  IB   IIA  IIIA IIIB
            T2b  IIA  IIB  IIIA IIIB
            T3   IIB  IIIA IIIA IIIB
            T4   IIIA IIIA IIIB IIIB
            """;
    private static final String EIGHTH_M0 = """
            T1mi IA1  -    -    -
            T1a  IA1  IIB  IIIA IIIB
            T1b  IA2  IIB  IIIA IIIB
            T1c  IA3  IIB  IIIA IIIB
            T2a  IB   IIB  IIIA IIIB
            T2b  IIA  IIB  IIIA IIIB
            T3   IIB  IIIA IIIB IIIC
            T4   IIIA IIIA IIIB IIIC
            """;
    private static final String NINTH_M0 = """
            T1mi IA1  -    -    -    -
            T1a  IA1  IIA  IIB  IIIA IIIB
            T1b  IA2  IIA  IIB  IIIA IIIB
            T1c  IA3  IIA  IIB  IIIA IIIB
            T2a  IB   IIB  IIIA IIIB IIIB
            T2b  IIA  IIB  IIIA IIIB IIIB
            T3   IIB  IIIA IIIA IIIB IIIC
            T4   IIIA IIIA IIIB IIIB IIIC
            """;
    private static final String SIXTH_M0 = """
            T1   IA   IIA  IIIA IIIB
            T2   IB   IIB  IIIA IIIB
            T3   IIB  IIIA IIIA IIIB
            T4   IIIB IIIB IIIB IIIB
            """;

    @Test
    void seventhEditionM0GridMatchesTheManualCellByCell() {
        assertGrid(AjccEdition.SEVENTH, SEVENTH_M0, List.of("N0", "N1", "N2", "N3"));
    }

    @Test
    void eighthEditionM0GridMatchesTheManualCellByCell() {
        assertGrid(AjccEdition.EIGHTH, EIGHTH_M0, List.of("N0", "N1", "N2", "N3"));
    }

    @Test
    void ninthEditionM0GridMatchesTheIaslcProposalsCellByCell() {
        assertGrid(AjccEdition.NINTH, NINTH_M0, List.of("N0", "N1", "N2a", "N2b", "N3"));
    }

    @Test
    void sixthEditionM0GridMatchesTheManualCellByCell() {
        assertGrid(AjccEdition.SIXTH, SIXTH_M0, List.of("N0", "N1", "N2", "N3"));
    }

    @Test
    void metastaticDiseaseIsStageFourWhateverTAndNUnderEveryEdition() {
        List<String> ts = List.of("T0", "T1a", "T1b", "T2a", "T2b", "T3", "T4", "TX");
        List<String> ns = List.of("N0", "N1", "N2", "N3", "NX");
        for (String t : ts) {
            for (String n : ns) {
                assertStaged(AjccEdition.SEVENTH, t, n, "M1a", "IV");
                assertStaged(AjccEdition.SEVENTH, t, n, "M1b", "IV");
                assertStaged(AjccEdition.SEVENTH, t, n, "M1", "IV");
                assertStaged(AjccEdition.EIGHTH, t, n, "M1a", "IVA");
                assertStaged(AjccEdition.EIGHTH, t, n, "M1b", "IVA");
                assertStaged(AjccEdition.EIGHTH, t, n, "M1c", "IVB");
                assertStaged(AjccEdition.NINTH, t, n, "M1c1", "IVB");
                assertStaged(AjccEdition.NINTH, t, n, "M1c2", "IVB");
                assertStaged(AjccEdition.NINTH, t, n, "M1b", "IVA");
            }
        }
    }

    @Test
    void everyCodeOfEveryEditionGivesAGroupOfThatEditionOrAReason() {
        List<String> t = List.of("TX", "T0", "Tis", "T1mi", "T1", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T3", "T4");
        List<String> n = List.of("NX", "N0", "N1", "N2", "N2a", "N2b", "N3");
        List<String> m = List.of("MX", "M0", "M1", "M1a", "M1b", "M1c", "M1c1", "M1c2");
        Set<String> groups = Set.of("OCCULT", "0", "IA", "IA1", "IA2", "IA3", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC",
                "IV", "IVA", "IVB");
        int combinations = 0;
        for (AjccEdition edition : StageGrouping.editions()) {
            for (String tc : t) {
                for (String nc : n) {
                    for (String mc : m) {
                        StageResult result = StageGrouping.group(edition, tc, nc, mc);
                        combinations++;
                        assertThat(result.edition()).isEqualTo(edition);
                        if (result instanceof Staged staged) {
                            assertThat(groups).contains(staged.group());
                        } else {
                            assertThat(((CannotStage) result).explanation()).isNotBlank();
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(4 * 13 * 7 * 8);
    }

    @Test
    void codesOutsideTheEditionAreRefusedNamingTheCode() {
        assertReason(AjccEdition.SEVENTH, "T1c", "N0", "M0", Reason.CODE_OUTSIDE_EDITION, "T1c");
        assertReason(AjccEdition.SEVENTH, "T1mi", "N0", "M0", Reason.CODE_OUTSIDE_EDITION, "T1mi");
        assertReason(AjccEdition.SEVENTH, "T2a", "N0", "M1c", Reason.CODE_OUTSIDE_EDITION, "M1c");
        assertReason(AjccEdition.EIGHTH, "T2a", "N2a", "M0", Reason.CODE_OUTSIDE_EDITION, "N2a");
        assertReason(AjccEdition.EIGHTH, "T2a", "N0", "M1c1", Reason.CODE_OUTSIDE_EDITION, "M1c1");
        assertReason(AjccEdition.SIXTH, "T2a", "N0", "M0", Reason.CODE_OUTSIDE_EDITION, "T2a");
        assertReason(AjccEdition.EIGHTH, "T2a", "N0", "MX", Reason.CODE_OUTSIDE_EDITION, "MX");
    }

    @Test
    void unknownOrMissingEditionIsReportedNeverRegrouped() {
        assertReason(AjccEdition.UNKNOWN, "T2a", "N0", "M0", Reason.UNKNOWN_EDITION, "unknown");
        assertReason(null, "T2a", "N0", "M0", Reason.UNKNOWN_EDITION, "missing");
    }

    @Test
    void garbageCodesAreUnrecognisedNotGuessed() {
        assertReason(AjccEdition.EIGHTH, "T9", "N0", "M0", Reason.UNRECOGNISED_CODE, "T9");
        assertReason(AjccEdition.EIGHTH, "T2", "88", "M0", Reason.UNRECOGNISED_CODE, "88");
        assertReason(AjccEdition.EIGHTH, "T2a", "N0", null, Reason.UNRECOGNISED_CODE, "null");
        assertReason(AjccEdition.EIGHTH, "N1", "N0", "M0", Reason.UNRECOGNISED_CODE, "N1");
    }

    @Test
    void carcinomaInSituIsStageZeroOnlyWithoutNodesOrMetastasis() {
        assertStaged(AjccEdition.EIGHTH, "Tis", "N0", "M0", "0");
        assertStaged(AjccEdition.SEVENTH, "pTis", "NX", "M0", "0");
        assertReason(AjccEdition.EIGHTH, "Tis", "N1", "M0", Reason.INVALID_COMBINATION, "in situ");
        assertReason(AjccEdition.SEVENTH, "Tis", "N3", "M0", Reason.INVALID_COMBINATION, "in situ");
        assertReason(AjccEdition.EIGHTH, "Tis", "N0", "M1a", Reason.INVALID_COMBINATION, "in situ");
    }

    @Test
    void occultCarcinomaIsTxN0M0AndT0N0M0HasNothingToStage() {
        for (AjccEdition edition : StageGrouping.editions()) {
            assertStaged(edition, "TX", "N0", "M0", "OCCULT");
            assertReason(edition, "T0", "N0", "M0", Reason.INVALID_COMBINATION, "nothing to stage");
        }
    }

    @Test
    void unsubdividedCategoryIsStagedWhenEverySubcategoryAgreesAndOtherwiseListsTheCandidates() {
        assertStaged(AjccEdition.SEVENTH, "T1", "N0", "M0", "IA");
        assertStaged(AjccEdition.EIGHTH, "T2", "N1", "M0", "IIB");
        assertStaged(AjccEdition.EIGHTH, "T1", "N2", "M0", "IIIA");
        assertStaged(AjccEdition.SEVENTH, "TX", "N3", "M0", "IIIB");
        assertCandidates(AjccEdition.SEVENTH, "T2", "N0", "M0", Set.of("IB", "IIA"));
        assertCandidates(AjccEdition.EIGHTH, "T1", "N0", "M0", Set.of("IA1", "IA2", "IA3"));
        assertCandidates(AjccEdition.EIGHTH, "T2a", "N0", "M1", Set.of("IVA", "IVB"));
        assertCandidates(AjccEdition.NINTH, "T1a", "N2", "M0", Set.of("IIB", "IIIA"));
        assertCandidates(AjccEdition.SEVENTH, "T4", "NX", "M0", Set.of("IIIA", "IIIB"));
        assertCandidates(AjccEdition.SIXTH, "T1", "N0", "MX", Set.of("IA", "IV"));
        assertCandidates(AjccEdition.SEVENTH, "T0", "NX", "M0", Set.of("IIIB"));
        assertThat(((CannotStage) StageGrouping.group(AjccEdition.SEVENTH, "T0", "NX", "M0")).candidatesComplete())
                .as("T0 N0-N2 M0 are not in the table").isFalse();
    }

    @Test
    void ninthEditionDeltasFromTheEighth() {
        assertStaged(AjccEdition.EIGHTH, "T1b", "N1", "M0", "IIB");
        assertStaged(AjccEdition.NINTH, "T1b", "N1", "M0", "IIA");
        assertStaged(AjccEdition.NINTH, "T1c", "N2a", "M0", "IIB");
        assertStaged(AjccEdition.NINTH, "T3", "N2a", "M0", "IIIA");
        assertStaged(AjccEdition.EIGHTH, "T3", "N2", "M0", "IIIB");
        assertStaged(AjccEdition.NINTH, "T2a", "N2b", "M0", "IIIB");
        assertStaged(AjccEdition.NINTH, "T4", "N2", "M0", "IIIB");
    }

    @Test
    void readsCodesAsSourcesWriteThem() {
        assertStaged(AjccEdition.EIGHTH, "pT1a(mi)", "pN0", "cM0", "IA1");
        assertStaged(AjccEdition.EIGHTH, "ypT2b", "ypN1", "M0", "IIB");
        assertStaged(AjccEdition.SEVENTH, "2A", "0", "0", "IB");
        assertStaged(AjccEdition.SEVENTH, "t2a", "n0", "m0", "IB");
        assertStaged(AjccEdition.EIGHTH, "cT 3", "cN 2", "cM 0", "IIIB");
    }

    private static void assertGrid(AjccEdition edition, String grid, List<String> ns) {
        int cells = 0;
        for (String line : grid.strip().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            for (int i = 0; i < ns.size(); i++) {
                StageResult result = StageGrouping.group(edition, cols[0], ns.get(i), "M0");
                if (cols[i + 1].equals("-")) {
                    assertThat(result).as("%s %s M0 under %s", cols[0], ns.get(i), edition)
                            .isInstanceOf(CannotStage.class);
                    assertThat(((CannotStage) result).reason()).isEqualTo(Reason.NOT_IN_TABLE);
                } else {
                    assertThat(result).as("%s %s M0 under %s", cols[0], ns.get(i), edition)
                            .isEqualTo(new Staged(edition, cols[i + 1], ""));
                }
                cells++;
            }
        }
        assertThat(cells).isEqualTo(grid.strip().split("\n").length * ns.size());
    }

    private static void assertStaged(AjccEdition edition, String t, String n, String m, String group) {
        StageResult result = StageGrouping.group(edition, t, n, m);
        assertThat(result).as("%s %s %s under %s", t, n, m, edition).isInstanceOf(Staged.class);
        assertThat(((Staged) result).group()).as("%s %s %s under %s", t, n, m, edition).isEqualTo(group);
    }

    private static void assertReason(AjccEdition edition, String t, String n, String m, Reason reason, String mention) {
        StageResult result = StageGrouping.group(edition, t, n, m);
        assertThat(result).as("%s %s %s under %s", t, n, m, edition).isInstanceOf(CannotStage.class);
        CannotStage cannot = (CannotStage) result;
        assertThat(cannot.reason()).isEqualTo(reason);
        assertThat(cannot.explanation()).contains(mention);
    }

    private static void assertCandidates(AjccEdition edition, String t, String n, String m, Set<String> candidates) {
        StageResult result = StageGrouping.group(edition, t, n, m);
        assertThat(result).as("%s %s %s under %s", t, n, m, edition).isInstanceOf(CannotStage.class);
        assertThat(((CannotStage) result).reason()).isEqualTo(Reason.INSUFFICIENT_DETAIL);
        assertThat(((CannotStage) result).candidateGroups()).isEqualTo(candidates);
    }
}
