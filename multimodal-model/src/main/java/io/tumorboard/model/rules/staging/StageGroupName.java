package io.tumorboard.model.rules.staging;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage-group names as sources write them ({@code Stage IIIA}, {@code 3A}, {@code IIIa}, {@code IA1},
 * {@code Occult carcinoma}) read into one form, and the one comparison the rules need: whether a documented
 * group agrees with a computed one, where a coarser name ({@code IA} for {@code IA2}) is imprecise, not wrong.
 */
public final class StageGroupName {

    private static final Pattern ROMAN = Pattern.compile("^(0|IV|I{1,3})([ABC]?)([123]?)$");
    private static final Pattern ARABIC = Pattern.compile("^([0-4])([ABC]?)([123]?)$");
    private static final String[] NUMERALS = {"0", "I", "II", "III", "IV"};

    private StageGroupName() {
    }

    /** The normalised group, e.g. {@code IIIA}, {@code 0}, {@code OCCULT}; empty when the text is no group. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.strip().toUpperCase(Locale.ROOT).replaceFirst("^STAGE", "").replace(" ", "");
        if (cleaned.startsWith("OCCULT")) {
            return Optional.of(StageGrouping.OCCULT);
        }
        Matcher roman = ROMAN.matcher(cleaned);
        if (roman.matches()) {
            return Optional.of(cleaned);
        }
        Matcher arabic = ARABIC.matcher(cleaned);
        if (arabic.matches()) {
            return Optional.of(NUMERALS[Integer.parseInt(arabic.group(1))] + arabic.group(2) + arabic.group(3));
        }
        return Optional.empty();
    }

    /**
     * Whether a documented group agrees with a computed one: the same, or the same group written without its
     * subgroup ({@code IV} for {@code IVA}, {@code IA} for {@code IA3}).
     */
    public static boolean agrees(String documented, String computed) {
        if (documented.equals(computed)) {
            return true;
        }
        if (!computed.startsWith(documented) || documented.equals("0") || documented.equals(StageGrouping.OCCULT)) {
            return false;
        }
        char next = computed.charAt(documented.length());
        return next != 'I' && next != 'V';
    }

    /** The roman numeral part of a group: {@code III} for {@code IIIA}; the group itself for 0 and occult. */
    public static String numeral(String group) {
        Matcher roman = ROMAN.matcher(group);
        return roman.matches() ? roman.group(1) : group;
    }
}
