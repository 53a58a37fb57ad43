package io.tumorboard.model.rules.staging;

import io.tumorboard.model.cases.AjccEdition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AJCC Cancer Staging System, 9th ed. Version 9 lung (2024), from the IASLC proposals (Rami-Porta et al.,
 * J Thorac Oncol 2024;19:1007-1027; Huang et al. for N, Fong et al. for M): the 8th edition's T, with N2 split
 * into N2a (single station) and N2b (multiple stations), M1c into M1c1 (one organ system) and M1c2 (several),
 * and the regrouping that follows: T1 N1 moves to IIA, T1 N2a to IIB, T3 N2a to IIIA, T2 N2b to IIIB.
 */
final class Ajcc9thLung extends LungStageTable {

    Ajcc9thLung() {
        super(AjccEdition.NINTH, "AJCC Cancer Staging System, 9th ed. V9 Lung (2024); Rami-Porta et al., "
                        + "J Thorac Oncol 2024;19:1007-1027",
                Set.of("x", "0", "is", "1mi", "1", "1a", "1b", "1c", "2", "2a", "2b", "3", "4"),
                Set.of("x", "0", "1", "2", "2a", "2b", "3"),
                Set.of("0", "1", "1a", "1b", "1c", "1c1", "1c2"),
                Map.of("Tx", Ajcc8thLung.T_LEAVES, "T1", Ajcc8thLung.T1_INVASIVE, "T2", List.of("2a", "2b"),
                        "Nx", List.of("0", "1", "2a", "2b", "3"), "N2", List.of("2a", "2b"),
                        "M1", List.of("1a", "1b", "1c1", "1c2"), "M1c", List.of("1c1", "1c2")));
    }

    @Override
    Optional<String> leafGroup(String t, String n, String m) {
        if (!m.equals("0")) {
            return Optional.of(m.startsWith("1c") ? "IVB" : "IVA");
        }
        if (t.equals("1mi")) {
            return n.equals("0") ? Optional.of("IA1") : Optional.empty();
        }
        if (isT1(t)) {
            return Optional.of(switch (n) {
                case "0" -> switch (t) { case "1a" -> "IA1"; case "1b" -> "IA2"; default -> "IA3"; };
                case "1" -> "IIA";
                case "2a" -> "IIB";
                case "2b" -> "IIIA";
                default -> "IIIB";
            });
        }
        if (isT2(t)) {
            return Optional.of(switch (n) {
                case "0" -> t.equals("2a") ? "IB" : "IIA";
                case "1" -> "IIB";
                case "2a" -> "IIIA";
                default -> "IIIB";
            });
        }
        return switch (t) {
            case "3" -> Optional.of(switch (n) { case "0" -> "IIB"; case "1", "2a" -> "IIIA"; case "2b" -> "IIIB"; default -> "IIIC"; });
            case "4" -> Optional.of(switch (n) { case "0", "1" -> "IIIA"; case "2a", "2b" -> "IIIB"; default -> "IIIC"; });
            default -> Optional.empty();
        };
    }
}
