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
 * dimension", "Tumour Size (cm). 6.9" (synoptic, unit in the label) or "a 22 mm mass". Only a size said of the
 * tumour (a size keyword within the same sentence) counts: specimens and lymph nodes have sizes too.
 */
final class SizeExtractor {

    private static final String NUMBER = "(\\d{1,3}(?:[.,]\\d{1,3})?)";
    private static final Pattern DIMENSIONS = Pattern.compile(
            "(?i)" + NUMBER + "(?:\\s?(?:cm|mm))?(?:\\s?[xX×]\\s?" + NUMBER + "(?:\\s?(?:cm|mm))?)?"
                    + "(?:\\s?[xX×]\\s?" + NUMBER + ")?\\s?(cm|mm)\\b");
    private static final Pattern SYNOPTIC = Pattern.compile(
            "(?i)tumou?r\\s?size\\s?\\((cm|mm)\\)[.:]?\\s?(\\d{1,3}(?:\\.\\d+)?)");
    private static final Pattern TUMOUR_WORDS = Pattern.compile(
            "(?i)(tumou?r|mass|lesion|nodule|carcinoma|greatest\\s?dimension|size)");

    Optional<ExtractedFact> extract(String text) {
        Matcher synoptic = SYNOPTIC.matcher(text);
        if (synoptic.find()) {
            double value = Double.parseDouble(synoptic.group(2));
            double mm = synoptic.group(1).equalsIgnoreCase("cm") ? value * 10 : value;
            return Optional.of(fact(mm, synoptic.start(), synoptic.end()));
        }
        Matcher m = DIMENSIONS.matcher(text);
        while (m.find()) {
            String sentence = sentenceBefore(text, m.start());
            if (!TUMOUR_WORDS.matcher(sentence).find() || sentence.toLowerCase(Locale.ROOT).contains("lymph node")) {
                continue;
            }
            double largest = 0;
            for (int group = 1; group <= 3; group++) {
                if (m.group(group) != null) {
                    largest = Math.max(largest, Double.parseDouble(m.group(group).replace(',', '.')));
                }
            }
            double mm = m.group(4).equalsIgnoreCase("cm") ? largest * 10 : largest;
            if (mm > 0 && mm < 400) {
                return Optional.of(fact(mm, m.start(), m.end()));
            }
        }
        return Optional.empty();
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
