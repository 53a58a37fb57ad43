package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.AjccEdition;
import java.util.List;

/**
 * The AJCC lung stage-group tables of the 7th and 8th editions, and the size rules for the T category.
 *
 * <p>8th: AJCC Cancer Staging Manual, 8th ed. (2017), ch. 36 Lung, "AJCC prognostic stage groups" and the T
 * definitions (T1a &le; 1 cm, T1b &le; 2 cm, T1c &le; 3 cm, T2a &le; 4 cm, T2b &le; 5 cm, T3 &le; 7 cm, T4 &gt; 7 cm
 * or invasion of mediastinum, heart, great vessels...). 7th: AJCC Cancer Staging Manual, 7th ed. (2010), ch. 25
 * Lung (T1a &le; 2 cm, T1b &le; 3 cm, T2a &le; 5 cm, T2b &le; 7 cm, T3 &gt; 7 cm; M1a/M1b; groups IA..IV), checked
 * against the SEER TNM 7th lung tables in ../shared/reference-data/seer-tnm7-lung by a test.
 */
final class LungStageGroups {

    static final List<String> T_8TH = List.of("T1a", "T1b", "T1c", "T2a", "T2b", "T3", "T4");
    static final List<String> T_7TH = List.of("T1a", "T1b", "T2a", "T2b", "T3", "T4");
    static final List<String> N = List.of("N0", "N1", "N2", "N3");
    static final List<String> M_8TH = List.of("M0", "M1a", "M1b", "M1c");
    static final List<String> M_7TH = List.of("M0", "M1a", "M1b");

    private LungStageGroups() {
    }

    /** The stage group of T, N and M (without c/p prefix) under the given edition. */
    static String group(AjccEdition edition, String t, String n, String m) {
        return switch (edition) {
            case EIGHTH -> group8th(t, n, m);
            case SEVENTH -> group7th(t, n, m);
            default -> throw new IllegalArgumentException("no lung stage table for edition " + edition);
        };
    }

    /** AJCC 8th ed., ch. 36, stage groups. */
    private static String group8th(String t, String n, String m) {
        check(T_8TH, t, "T");
        check(N, n, "N");
        check(M_8TH, m, "M");
        if (m.equals("M1c")) {
            return "IVB";
        }
        if (!m.equals("M0")) {
            return "IVA";
        }
        boolean t1or2 = t.startsWith("T1") || t.startsWith("T2");
        switch (n) {
            case "N3":
                return t1or2 ? "IIIB" : "IIIC";
            case "N2":
                return t1or2 ? "IIIA" : "IIIB";
            case "N1":
                return t1or2 ? "IIB" : "IIIA";
            default:
                return switch (t) {
                    case "T1a" -> "IA1";
                    case "T1b" -> "IA2";
                    case "T1c" -> "IA3";
                    case "T2a" -> "IB";
                    case "T2b" -> "IIA";
                    case "T3" -> "IIB";
                    default -> "IIIA";
                };
        }
    }

    /** AJCC 7th ed., ch. 25, stage groups (the SEER TNM 7th algorithm agrees row by row). */
    private static String group7th(String t, String n, String m) {
        check(T_7TH, t, "T");
        check(N, n, "N");
        check(M_7TH, m, "M");
        if (!m.equals("M0")) {
            return "IV";
        }
        switch (n) {
            case "N3":
                return "IIIB";
            case "N2":
                return t.equals("T4") ? "IIIB" : "IIIA";
            case "N1":
                return switch (t) {
                    case "T1a", "T1b", "T2a" -> "IIA";
                    case "T2b" -> "IIB";
                    default -> "IIIA";
                };
            default:
                return switch (t) {
                    case "T1a", "T1b" -> "IA";
                    case "T2a" -> "IB";
                    case "T2b" -> "IIA";
                    case "T3" -> "IIB";
                    default -> "IIIA";
                };
        }
    }

    /** T from the greatest tumour dimension (mm), or T4 for invasion of a T4 structure, under the edition. */
    static String tFromSize(AjccEdition edition, double sizeMm, boolean invadesT4Structure) {
        if (invadesT4Structure) {
            return "T4";
        }
        if (edition == AjccEdition.SEVENTH) {
            // AJCC 7th: tumour > 7 cm is T3.
            return sizeMm <= 20 ? "T1a" : sizeMm <= 30 ? "T1b" : sizeMm <= 50 ? "T2a" : sizeMm <= 70 ? "T2b" : "T3";
        }
        // AJCC 8th: tumour > 7 cm is T4.
        return sizeMm <= 10 ? "T1a" : sizeMm <= 20 ? "T1b" : sizeMm <= 30 ? "T1c" : sizeMm <= 40 ? "T2a"
                : sizeMm <= 50 ? "T2b" : sizeMm <= 70 ? "T3" : "T4";
    }

    /** The 7th-edition M of an 8th-edition M: 8th split 7th's M1b into M1b (single) and M1c (multiple). */
    static String m7thOf(String m8th) {
        return m8th.equals("M1c") ? "M1b" : m8th;
    }

    /** The code the AJCC code system (http://cancerstaging.org) uses for a group: IIIA -> 3A, IA1 -> 1A1, IV -> 4. */
    static String ajccGroupCode(String group) {
        String roman = group.replaceAll("[ABC0-9]+$", "");
        String rest = group.substring(roman.length());
        int arabic = switch (roman) {
            case "I" -> 1;
            case "II" -> 2;
            case "III" -> 3;
            case "IV" -> 4;
            default -> throw new IllegalArgumentException("not a lung stage group: " + group);
        };
        return arabic + rest;
    }

    private static void check(List<String> allowed, String value, String what) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(what + " category '" + value + "' is not in " + allowed);
        }
    }
}
