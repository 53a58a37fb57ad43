package io.tumorboard.model.rules.staging;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.rules.staging.StageResult.CannotStage;
import io.tumorboard.model.rules.staging.StageResult.Reason;
import io.tumorboard.model.rules.staging.StageResult.Staged;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lung (NSCLC) anatomic stage grouping under the edition a stage was assigned under. The tables themselves
 * live in one class per edition; this class reads the codes, refuses what the edition does not define, and
 * applies the rules every edition shares:
 * <ul>
 *   <li>Tis N0 M0 is stage 0; Tis with nodal or distant disease contradicts itself (carcinoma in situ does not
 *       spread) and is refused as invalid;</li>
 *   <li>TX N0 M0 is occult carcinoma (cancer cells in sputum or washings, no tumour seen);</li>
 *   <li>T0 N0 M0 has no disease to stage;</li>
 *   <li>an unknown category (TX, NX, MX in the 6th edition) or one without its subcategory (T2, M1, 9th-edition
 *       N2) is expanded into the categories it may stand for; when all of them give one group that group is
 *       returned with a note, otherwise "cannot stage" with the groups still possible.</li>
 * </ul>
 * An unknown or missing edition is never guessed: the answer is {@link Reason#UNKNOWN_EDITION}.
 */
public final class StageGrouping {

    private static final Map<AjccEdition, LungStageTable> TABLES = new EnumMap<>(Map.of(
            AjccEdition.SIXTH, new Ajcc6thLung(),
            AjccEdition.SEVENTH, new Ajcc7thLung(),
            AjccEdition.EIGHTH, new Ajcc8thLung(),
            AjccEdition.NINTH, new Ajcc9thLung()));

    /** The group name of occult carcinoma (TX N0 M0). */
    public static final String OCCULT = "OCCULT";

    private StageGrouping() {
    }

    /** The editions a lung stage can be grouped under here. */
    public static Set<AjccEdition> editions() {
        return TABLES.keySet();
    }

    /** The published source of an edition's lung table, empty for an edition without one. */
    public static Optional<String> source(AjccEdition edition) {
        return Optional.ofNullable(edition == null ? null : TABLES.get(edition)).map(LungStageTable::source);
    }

    /**
     * Groups one T, N and M under one edition.
     *
     * @param edition the edition the categories were assigned under
     * @param t the T category as written ({@code T2a}, {@code pT2a}, {@code 2A}, {@code Tis}, {@code TX})
     * @param n the N category as written
     * @param m the M category as written
     */
    public static StageResult group(AjccEdition edition, String t, String n, String m) {
        LungStageTable table = edition == null ? null : TABLES.get(edition);
        if (table == null) {
            return new CannotStage(edition, Reason.UNKNOWN_EDITION, "the AJCC edition is "
                    + (edition == null ? "missing" : edition.label()) + ": a stage is never grouped under a guessed edition");
        }
        Optional<String> tc = TnmCode.parse('T', t);
        Optional<String> nc = TnmCode.parse('N', n);
        Optional<String> mc = TnmCode.parse('M', m);
        for (var entry : List.of(Map.entry('T', tc), Map.entry('N', nc), Map.entry('M', mc))) {
            String written = entry.getKey() == 'T' ? t : entry.getKey() == 'N' ? n : m;
            if (entry.getValue().isEmpty()) {
                return new CannotStage(edition, Reason.UNRECOGNISED_CODE,
                        entry.getKey() + " code '" + written + "' is not a " + entry.getKey() + " category");
            }
            if (!table.defines(entry.getKey(), entry.getValue().get())) {
                return new CannotStage(edition, Reason.CODE_OUTSIDE_EDITION,
                        TnmCode.display(entry.getKey(), entry.getValue().get()) + " is not a category of the AJCC "
                                + edition.label() + " edition lung classification");
            }
        }
        return group(table, tc.get(), nc.get(), mc.get());
    }

    private static StageResult group(LungStageTable table, String t, String n, String m) {
        AjccEdition edition = table.edition();
        String written = TnmCode.display('T', t) + " " + TnmCode.display('N', n) + " " + TnmCode.display('M', m);
        if (t.equals("is")) {
            if (!(n.equals("0") || n.equals("x")) || !(m.equals("0") || m.equals("x"))) {
                return new CannotStage(edition, Reason.INVALID_COMBINATION, written
                        + ": carcinoma in situ with nodal or distant disease contradicts itself");
            }
            return new Staged(edition, "0", n.equals("0") && m.equals("0") ? ""
                    : written + ": Tis can only be N0 M0, stage 0");
        }
        if (t.equals("0") && n.equals("0") && m.equals("0")) {
            return new CannotStage(edition, Reason.INVALID_COMBINATION,
                    written + ": no evidence of primary tumour, nodal or distant disease, nothing to stage");
        }
        if (t.equals("x") && n.equals("0") && m.equals("0")) {
            return new Staged(edition, OCCULT, "");
        }
        Set<String> groups = new LinkedHashSet<>();
        boolean someNotInTable = false;
        List<String> tLeaves = table.leaves('T', t);
        List<String> nLeaves = table.leaves('N', n);
        List<String> mLeaves = table.leaves('M', m);
        for (String tl : tLeaves) {
            for (String nl : nLeaves) {
                for (String ml : mLeaves) {
                    Optional<String> leaf = table.leafGroup(tl, nl, ml);
                    leaf.ifPresent(groups::add);
                    someNotInTable |= leaf.isEmpty();
                }
            }
        }
        boolean expanded = tLeaves.size() > 1 || nLeaves.size() > 1 || mLeaves.size() > 1;
        if (groups.isEmpty()) {
            return new CannotStage(edition, Reason.NOT_IN_TABLE,
                    written + " is not listed in the AJCC " + edition.label() + " edition lung stage table");
        }
        if (groups.size() == 1 && !someNotInTable) {
            String group = groups.iterator().next();
            return new Staged(edition, group, expanded ? written + ": every category it may stand for gives " + group : "");
        }
        return new CannotStage(edition, Reason.INSUFFICIENT_DETAIL,
                written + ": the stage depends on detail not given (possible groups " + groups
                        + (someNotInTable ? ", and combinations the table does not list" : "") + ")",
                groups, !someNotInTable);
    }
}
