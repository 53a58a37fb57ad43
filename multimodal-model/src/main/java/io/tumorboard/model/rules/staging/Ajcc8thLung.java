package io.tumorboard.model.rules.staging;

import io.tumorboard.model.cases.AjccEdition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AJCC Cancer Staging Manual, 8th ed. (2017), ch. 36 Lung (IASLC proposals, Goldstraw et al., J Thorac Oncol
 * 2016;11:39-51): T1mi, T1a-c by 1 cm bands, T2a/T2b, M1a/M1b (IVA) and M1c (IVB); N3 no longer "any T".
 */
final class Ajcc8thLung extends LungStageTable {

    static final List<String> T_LEAVES = List.of("1mi", "1a", "1b", "1c", "2a", "2b", "3", "4");
    /**
     * What a plain "T1" stands for: T1a-c. T1mi is a pathological designation that sources write as such; a
     * T1 written without subcategory is read as an invasive tumour of 3 cm or less.
     */
    static final List<String> T1_INVASIVE = List.of("1a", "1b", "1c");

    Ajcc8thLung() {
        super(AjccEdition.EIGHTH, "AJCC Cancer Staging Manual, 8th ed. (2017), ch. 36 Lung",
                Set.of("x", "0", "is", "1mi", "1", "1a", "1b", "1c", "2", "2a", "2b", "3", "4"),
                Set.of("x", "0", "1", "2", "3"), Set.of("0", "1", "1a", "1b", "1c"),
                Map.of("Tx", T_LEAVES, "T1", T1_INVASIVE, "T2", List.of("2a", "2b"),
                        "Nx", List.of("0", "1", "2", "3"), "M1", List.of("1a", "1b", "1c")));
    }

    @Override
    Optional<String> leafGroup(String t, String n, String m) {
        if (!m.equals("0")) {
            return Optional.of(m.equals("1c") ? "IVB" : "IVA");
        }
        if (t.equals("1mi")) {
            // The table lists T1mi only with N0; a minimally invasive adenocarcinoma with nodal disease is not in it.
            return n.equals("0") ? Optional.of("IA1") : Optional.empty();
        }
        if (isT1(t) || isT2(t)) {
            return Optional.of(switch (n) {
                case "0" -> switch (t) {
                    case "1a" -> "IA1";
                    case "1b" -> "IA2";
                    case "1c" -> "IA3";
                    case "2a" -> "IB";
                    default -> "IIA";
                };
                case "1" -> "IIB";
                case "2" -> "IIIA";
                default -> "IIIB";
            });
        }
        return switch (t) {
            case "3" -> Optional.of(switch (n) { case "0" -> "IIB"; case "1" -> "IIIA"; case "2" -> "IIIB"; default -> "IIIC"; });
            case "4" -> Optional.of(switch (n) { case "0", "1" -> "IIIA"; case "2" -> "IIIB"; default -> "IIIC"; });
            default -> Optional.empty();
        };
    }
}
