package io.tumorboard.model.rules.staging;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a T, N or M category as sources write it ({@code T2a}, {@code pT2a}, {@code ypN1}, {@code 2A},
 * {@code cM1c}, {@code Tis}, {@code T1mi}, {@code T1a(mi)}) into its bare lower-case code ({@code 2a},
 * {@code is}, {@code 1mi}, {@code x}). The prefix letters (c, p, yp, yc, r, a) name the basis, not the category.
 */
final class TnmCode {

    private static final Pattern CATEGORY = Pattern.compile(
            "^(?:yp|yc|[cpra])?([tnm])?(x|is|0|1a\\(mi\\)|1mi|[1-4][a-c]?[12]?)$");

    private TnmCode() {
    }

    /** The bare code for the given descriptor letter ({@code T}, {@code N}, {@code M}), or empty. */
    static Optional<String> parse(char descriptor, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = CATEGORY.matcher(text.strip().replace(" ", "").toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String letter = matcher.group(1);
        if (letter != null && letter.charAt(0) != Character.toLowerCase(descriptor)) {
            return Optional.empty();
        }
        String code = matcher.group(2).equals("1a(mi)") ? "1mi" : matcher.group(2);
        if (descriptor != 'T' && (code.equals("is") || code.equals("1mi"))) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** The display form of a bare code, e.g. {@code T2a}, {@code Tis}, {@code NX}. */
    static String display(char descriptor, String code) {
        return descriptor + (code.equals("x") ? "X" : code);
    }
}
