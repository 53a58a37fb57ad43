package io.tumorboard.model.rules.discrepancy;

import java.util.Locale;
import java.util.Optional;

/**
 * Lung carcinoma histology in the families that change treatment (WHO Classification of Thoracic Tumours,
 * 5th ed., 2021; ICD-O-3.2 morphology codes), read from a code ({@code 8140/3}) or from words. The NOS
 * families are compatible with the specific ones they can hide: carcinoma NOS with every carcinoma, non-small
 * cell carcinoma NOS with every non-small cell family.
 */
enum HistologyFamily {
    ADENOCARCINOMA,
    SQUAMOUS_CELL,
    ADENOSQUAMOUS,
    LARGE_CELL,
    LARGE_CELL_NEUROENDOCRINE,
    SMALL_CELL,
    CARCINOID,
    SARCOMATOID,
    NON_SMALL_CELL_NOS,
    CARCINOMA_NOS;

    boolean compatibleWith(HistologyFamily other) {
        if (this == other || this == CARCINOMA_NOS || other == CARCINOMA_NOS) {
            return true;
        }
        if (this == NON_SMALL_CELL_NOS || other == NON_SMALL_CELL_NOS) {
            HistologyFamily specific = this == NON_SMALL_CELL_NOS ? other : this;
            return specific != SMALL_CELL && specific != CARCINOID && specific != LARGE_CELL_NEUROENDOCRINE;
        }
        return false;
    }

    /** The family of an ICD-O-3 morphology code such as {@code 8140/3} or {@code 8070}. */
    static Optional<HistologyFamily> fromCode(String code) {
        if (code == null || !code.strip().matches("\\d{4}(/\\d)?")) {
            return Optional.empty();
        }
        int m = Integer.parseInt(code.strip().substring(0, 4));
        if (m == 8041 || m == 8042 || m == 8043 || m == 8044 || m == 8045) {
            return Optional.of(SMALL_CELL);
        }
        if (m == 8013) {
            return Optional.of(LARGE_CELL_NEUROENDOCRINE);
        }
        if (m == 8012 || m == 8014) {
            return Optional.of(LARGE_CELL);
        }
        if (m >= 8050 && m <= 8084) {
            return Optional.of(SQUAMOUS_CELL);
        }
        if (m == 8560) {
            return Optional.of(ADENOSQUAMOUS);
        }
        if (m == 8240 || m == 8249) {
            return Optional.of(CARCINOID);
        }
        if (m == 8022 || m == 8031 || m == 8032 || m == 8033 || m == 8972 || m == 8980) {
            return Optional.of(SARCOMATOID);
        }
        if (m == 8140 || m == 8144 || (m >= 8250 && m <= 8265) || m == 8230 || m == 8333 || m == 8480 || m == 8481
                || m == 8490 || m == 8550 || m == 8551) {
            return Optional.of(ADENOCARCINOMA);
        }
        if (m == 8046) {
            return Optional.of(NON_SMALL_CELL_NOS);
        }
        if (m == 8010 || m == 8000 || m == 8001) {
            return Optional.of(CARCINOMA_NOS);
        }
        return Optional.empty();
    }

    /** The family named in words ("invasive adenocarcinoma, acinar predominant"); empty when none is named. */
    static Optional<HistologyFamily> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT).replace('-', ' ');
        if (t.contains("adenosquamous")) {
            return Optional.of(ADENOSQUAMOUS);
        }
        if (t.contains("large cell neuroendocrine")) {
            return Optional.of(LARGE_CELL_NEUROENDOCRINE);
        }
        if (t.contains("non small cell") || t.contains("nsclc")) {
            if (t.contains("adenocarcinoma")) {
                return Optional.of(ADENOCARCINOMA);
            }
            if (t.contains("squamous")) {
                return Optional.of(SQUAMOUS_CELL);
            }
            return Optional.of(NON_SMALL_CELL_NOS);
        }
        if (t.contains("small cell") || t.contains("sclc") || t.contains("oat cell")) {
            return Optional.of(SMALL_CELL);
        }
        if (t.contains("squamous")) {
            return Optional.of(SQUAMOUS_CELL);
        }
        if (t.contains("adenocarcinoma")) {
            return Optional.of(ADENOCARCINOMA);
        }
        if (t.contains("carcinoid")) {
            return Optional.of(CARCINOID);
        }
        if (t.contains("large cell")) {
            return Optional.of(LARGE_CELL);
        }
        if (t.contains("sarcomatoid") || t.contains("pleomorphic carcinoma") || t.contains("carcinosarcoma")) {
            return Optional.of(SARCOMATOID);
        }
        if (t.contains("carcinoma")) {
            return Optional.of(CARCINOMA_NOS);
        }
        return Optional.empty();
    }
}
