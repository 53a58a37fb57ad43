package io.tumorboard.pipeline.text;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tumour's greatest dimension in mm, from "Tumor size: 3.5 x 2.0 x 1.8 cm", "measuring 2.3 cm in greatest
 * dimension", "Tumour Size (cm). 6.9" (synoptic, unit in the label), "a 22 mm mass" or "max. 28 mm in size". A
 * labelled tumour size wins over sizes in prose. In prose only a size said of the tumour (a size keyword in the
 * same sentence, before the number or in the words after it) counts: specimens and lymph nodes have sizes too,
 * and "1.2 cm from the bronchial margin" is a distance, not a size.
 */
final class SizeExtractor {

    private static final String NUMBER = "(\\d{1,3}(?:[.,]\\d{1,3})?)";
    private static final Pattern DIMENSIONS = Pattern.compile(
            "(?i)" + NUMBER + "(?:\\s?(?:cm|mm))?(?:\\s?[xX×]\\s?" + NUMBER + "(?:\\s?(?:cm|mm))?)?"
                    + "(?:\\s?[xX×]\\s?" + NUMBER + ")?\\s?(cm|mm)\\b");
    private static final Pattern SYNOPTIC = Pattern.compile(
            "(?i)tumou?r\\s?size\\s?\\((cm|mm)\\)[.:]?\\s?(\\d{1,3}(?:\\.\\d+)?)");
    /** "Tumor size: 3.7 cm (greatest dimension)", the checklist line of a synoptic report. */
    private static final Pattern LABELLED = Pattern.compile("(?i)tumou?r\\s?size\\s?[:.]\\s?(?=\\d)");
    /** What follows a distance: "1.2 cm from the margin", "2 cm away from the pleura". */
    private static final Pattern DISTANCE_AFTER = Pattern.compile("(?i)^\\s?(from|away|to the)\\b");
    private static final Pattern TUMOUR_WORDS = Pattern.compile(
            "(?i)(tumou?r|mass|lesion|nodule|carcinoma|greatest\\s?dimension|size)");

    Optional<ExtractedFact> extract(String text) {
        Matcher synoptic = SYNOPTIC.matcher(text);
        if (synoptic.find()) {
            double value = Double.parseDouble(synoptic.group(2));
            double mm = synoptic.group(1).equalsIgnoreCase("cm") ? value * 10 : value;
            return Optional.of(fact(mm, synoptic.start(), synoptic.end()));
        }
        Matcher labelled = LABELLED.matcher(text);
        if (labelled.find()) {
            Matcher size = DIMENSIONS.matcher(text).region(labelled.end(), text.length());
            if (size.lookingAt()) {
                return largest(size);
            }
        }
        Matcher m = DIMENSIONS.matcher(text);
        while (m.find()) {
            String before = sentenceBefore(text, m.start());
            String after = clauseAfter(text, m.end());
            String sentence = (before + " " + after).toLowerCase(Locale.ROOT);
            if (!TUMOUR_WORDS.matcher(sentence).find() || sentence.contains("lymph node")
                    || before.toLowerCase(Locale.ROOT).contains("specimen measuring")
                    || DISTANCE_AFTER.matcher(text.substring(m.end())).lookingAt()) {
                continue;
            }
            Optional<ExtractedFact> size = largest(m);
            if (size.isPresent()) {
                return size;
            }
        }
        return Optional.empty();
    }

    /** The largest of the dimensions a match gives, in mm; empty when it is no plausible tumour size. */
    private static Optional<ExtractedFact> largest(Matcher m) {
        double largest = 0;
        for (int group = 1; group <= 3; group++) {
            if (m.group(group) != null) {
                largest = Math.max(largest, Double.parseDouble(m.group(group).replace(',', '.')));
            }
        }
        double mm = m.group(4).equalsIgnoreCase("cm") ? largest * 10 : largest;
        return mm > 0 && mm < 400 ? Optional.of(fact(mm, m.start(), m.end())) : Optional.empty();
    }

    /** The words after a size up to the end of its clause: "lobulated mass in the right upper lobe". */
    private static String clauseAfter(String text, int end) {
        String after = text.substring(end, Math.min(text.length(), end + 60));
        int stop = after.length();
        for (String mark : new String[] {". ", "\n", ",", ";"}) {
            int at = after.indexOf(mark);
            if (at >= 0) {
                stop = Math.min(stop, at);
            }
        }
        return after.substring(0, stop);
    }

    private static String sentenceBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - 80), start);
        int stop = Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n'));
        return before.substring(stop + 1);
    }

    private static ExtractedFact fact(double mm, int start, int end) {
        double rounded = Math.round(mm * 10) / 10.0;
        String value = rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
        return new ExtractedFact(ReportField.TUMOR_SIZE_MM, value, start, end, false);
    }

    static List<ExtractedFact> asList(Optional<ExtractedFact> fact) {
        return fact.map(List::of).orElse(List.of());
    }
}
