package io.tumorboard.pipeline.text;

import java.util.regex.Pattern;

/**
 * NegEx-style negation (Chapman et al. 2001): a pre-negation trigger up to a few words before the finding, or a
 * post-negation trigger just after it, inside the same sentence.
 */
final class Negation {

    private static final Pattern PRE = Pattern.compile(
            "(?i)\\b(no|not|without|negative for|free of|absence of|no evidence of|rule out|ruled out|denies)\\b"
                    + "[^.;:\\n]{0,40}$");
    private static final Pattern POST = Pattern.compile(
            "(?i)^[^.;\\n]{0,30}?\\b(not (identified|seen|present|detected|involved)|absent|negative|uninvolved|"
                    + "free|none)\\b");
    /** Words that end a negation's scope (NegEx termination terms). */
    private static final Pattern TERMINATION = Pattern.compile("(?i)\\b(but|however|although|except)\\b");

    private Negation() {
    }

    static boolean isNegated(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 60), start);
        int sentence = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')), before.lastIndexOf('\n'));
        before = before.substring(sentence + 1);
        var pre = PRE.matcher(before);
        if (pre.find() && !TERMINATION.matcher(before.substring(pre.start())).find()) {
            return true;
        }
        String after = text.substring(end, Math.min(text.length(), end + 40));
        return POST.matcher(after).find();
    }
}
