package io.tumorboard.model.rules.recist;

import java.util.Locale;
import java.util.Optional;

/** RECIST 1.1 response categories (Eisenhauer et al., Eur J Cancer 2009;45:228-247, section 4.3-4.4). */
public enum RecistResponse {
    /** Complete response. */
    CR,
    /** Partial response. */
    PR,
    /** Stable disease. */
    SD,
    /** Non-CR/non-PD: the answer when only non-target disease was present at baseline. */
    NON_CR_NON_PD,
    /** Progressive disease. */
    PD,
    /** Not evaluable. */
    NE;

    /** Reads a response as reports write it ({@code PR}, {@code partial response}, {@code Stable disease}). */
    public static Optional<RecistResponse> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ').replace('/', ' ');
        return Optional.ofNullable(switch (t) {
            case "cr", "complete response", "complete remission" -> CR;
            case "pr", "partial response", "partial remission" -> PR;
            case "sd", "stable disease", "stable" -> SD;
            case "non cr non pd", "noncr nonpd", "non cr   non pd" -> NON_CR_NON_PD;
            case "pd", "progressive disease", "progression", "disease progression" -> PD;
            case "ne", "not evaluable", "not evaluated", "inevaluable" -> NE;
            default -> null;
        });
    }
}
