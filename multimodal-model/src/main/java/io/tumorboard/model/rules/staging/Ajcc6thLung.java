package io.tumorboard.model.rules.staging;

import io.tumorboard.model.cases.AjccEdition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** AJCC Cancer Staging Manual, 6th ed. (2002), lung: T1-T4 without subcategories, M1 undivided, MX allowed. */
final class Ajcc6thLung extends LungStageTable {

    Ajcc6thLung() {
        super(AjccEdition.SIXTH, "AJCC Cancer Staging Manual, 6th ed. (2002), ch. 19 Lung",
                Set.of("x", "0", "is", "1", "2", "3", "4"), Set.of("x", "0", "1", "2", "3"), Set.of("x", "0", "1"),
                Map.of("Tx", List.of("1", "2", "3", "4"), "Nx", List.of("0", "1", "2", "3"),
                        "Mx", List.of("0", "1")));
    }

    @Override
    Optional<String> leafGroup(String t, String n, String m) {
        if (m.equals("1")) {
            return Optional.of("IV"); // any T, any N, M1
        }
        if (n.equals("3")) {
            return Optional.of("IIIB"); // any T, N3
        }
        return switch (t) {
            case "4" -> Optional.of("IIIB"); // T4, any N
            case "3" -> Optional.of(n.equals("0") ? "IIB" : "IIIA");
            case "2" -> Optional.of(switch (n) { case "0" -> "IB"; case "1" -> "IIB"; default -> "IIIA"; });
            case "1" -> Optional.of(switch (n) { case "0" -> "IA"; case "1" -> "IIA"; default -> "IIIA"; });
            default -> Optional.empty();
        };
    }
}
