package io.tumorboard.pipeline.cohort;

import java.util.random.RandomGenerator;

/**
 * The noise scanning and OCR leave in report text, as seen in the TCGA pathology reports
 * (../shared/reference-data/tcga-pathology-reports): line wraps turned into ". ", words split by a space,
 * look-alike letters swapped ("rn" for "m", "I" for "l"), dropped letters. Numbers are left intact: the
 * TCGA noise rarely touches them, and an injected size must stay readable.
 */
final class OcrNoise {

    private OcrNoise() {
    }

    /**
     * Damages words of five letters or more, each with the given probability.
     *
     * @param wrapColumns wrap the text at about this many columns and join the lines with ". " as OCR export
     *     does; 0 keeps the line breaks
     */
    static String apply(String text, double wordRate, int wrapColumns, RandomGenerator random) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int column = 0;
        for (String line : text.split("\n", -1)) {
            if (wrapColumns > 0 && line.isBlank()) {
                continue;
            }
            String[] words = line.split(" ", -1);
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                if (word.length() >= 5 && word.chars().allMatch(Character::isLetter)
                        && random.nextDouble() < wordRate) {
                    word = damage(word, random);
                }
                if (wrapColumns > 0 && column > wrapColumns && !word.isEmpty()) {
                    out.append(". ");
                    column = 0;
                } else if (i > 0) {
                    out.append(' ');
                }
                out.append(word);
                column += word.length() + 1;
            }
            if (wrapColumns > 0) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '.') {
                    out.append('.');
                }
                out.append(' ');
                column = 0;
            } else {
                out.append('\n');
            }
        }
        return out.toString().strip();
    }

    private static String damage(String word, RandomGenerator random) {
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + " " + word.substring(at);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.contains("m") ? word.replaceFirst("m", "rn") : word.replaceFirst("l", "I");
            default -> word.contains("rn") ? word.replaceFirst("rn", "m")
                    : word.substring(0, at) + word.charAt(at) + word.substring(at);
        };
    }
}
