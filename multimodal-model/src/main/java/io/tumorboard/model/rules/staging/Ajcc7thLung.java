package io.tumorboard.model.rules.staging;

import io.tumorboard.model.cases.AjccEdition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AJCC Cancer Staging Manual, 7th ed. (2010), ch. 25 Lung (IASLC proposals, Goldstraw et al., J Thorac Oncol
 * 2007): T1a/T1b, T2a/T2b, M1a/M1b; "any T N3" is IIIB and "any T any N M1" is IV.
 */
final class Ajcc7thLung extends LungStageTable {

    private static final List<String> T_LEAVES = List.of("1a", "1b", "2a", "2b", "3", "4");

    Ajcc7thLung() {
        super(AjccEdition.SEVENTH, "AJCC Cancer Staging Manual, 7th ed. (2010), ch. 25 Lung",
                Set.of("x", "0", "is", "1", "1a", "1b", "2", "2a", "2b", "3", "4"), Set.of("x", "0", "1", "2", "3"),
                Set.of("0", "1", "1a", "1b"),
                Map.of("Tx", T_LEAVES, "T1", List.of("1a", "1b"), "T2", List.of("2a", "2b"),
                        "Nx", List.of("0", "1", "2", "3"), "M1", List.of("1a", "1b")));
    }

    @Override
    Optional<String> leafGroup(String t, String n, String m) {
        if (!m.equals("0")) {
            return Optional.of("IV");
        }
        if (n.equals("3")) {
            return Optional.of("IIIB");
        }
        if (isT1(t)) {
            return Optional.of(switch (n) { case "0" -> "IA"; case "1" -> "IIA"; default -> "IIIA"; });
        }
        return switch (t) {
            case "2a" -> Optional.of(switch (n) { case "0" -> "IB"; case "1" -> "IIA"; default -> "IIIA"; });
            case "2b" -> Optional.of(switch (n) { case "0" -> "IIA"; case "1" -> "IIB"; default -> "IIIA"; });
            case "3" -> Optional.of(n.equals("0") ? "IIB" : "IIIA");
            case "4" -> Optional.of(n.equals("2") ? "IIIB" : "IIIA");
            default -> Optional.empty(); // T0 with N0-N2 M0 is not in the table
        };
    }
}
