package io.tumorboard.pipeline.text;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Present/absent findings and small coded values: grade, margins, lymphovascular and visceral pleural invasion,
 * EGFR, ALK, PD-L1 TPS, laterality, and (in radiology) the documented RECIST response. A finding's value is
 * {@code POSITIVE}/{@code NEGATIVE} (or {@code PRESENT}/{@code ABSENT}) from its wording, and NegEx marks it
 * negated when the sentence states its absence.
 */
final class FindingExtractor {

    private static final Pattern GRADE = Pattern.compile(
            "(?i)\\b(?:histologic(?:al)?\\s)?grade(?:/differentiation)?[\\s.:]{0,3}(G?[1-4]|I{1,3}V?|IV)\\b"
                    + "|\\b(well|moderately|poorly)[\\s-]?differentiated|\\bundifferentiated\\b");
    private static final Pattern MARGIN = Pattern.compile(
            "(?i)\\b(?:surgical\\s|resection\\s|bronchial\\s)?margins?\\b[^.;\\n]{0,40}?\\b(free|negative|clear|"
                    + "uninvolved|not involved|involved|positive)\\b");
    private static final Pattern LVI = Pattern.compile(
            "(?i)\\b(lympho-?\\s?vascular|angio-?\\s?lymphatic|vascular)\\s?(space\\s)?invasion\\b|\\bLVI\\b");
    private static final Pattern PLEURAL = Pattern.compile("(?i)\\b(visceral\\s)?pleural\\s?invasion\\b|\\bPL[0-3]\\b");
    private static final Pattern EGFR = Pattern.compile("(?i)\\bEGFR\\b[^.;\\n]{0,50}?\\b(exon\\s?19|L858R|T790M|"
            + "mutat(ed|ion)\\s(detected|identified|present)|positive|wild[\\s-]?type|negative|not\\sdetected|"
            + "no\\smutation)");
    private static final Pattern ALK = Pattern.compile("(?i)\\bALK\\b[^.;\\n]{0,40}?\\b(rearrange(d|ment)|fusion|"
            + "positive|negative|not\\s(detected|rearranged))");
    private static final Pattern PDL1 = Pattern.compile(
            "(?i)\\bPD-?\\s?L1\\b[^.;\\n]{0,60}?(?:TPS|tumou?r proportion score)?[^.;\\n\\d]{0,20}(<?\\s?\\d{1,3})\\s?%");
    private static final Pattern LATERALITY = Pattern.compile(
            "(?i)\\b(left|right|bilateral)\\b(?=[^.;\\n]{0,25}\\b(lung|lobe|breast|hilum|hilar|upper|lower|middle))");
    private static final Pattern RESPONSE = Pattern.compile(
            "(?i)\\b(complete|partial)\\s(metabolic\\s)?response\\b|\\b(stable|progressive)\\sdisease\\b");

    List<ExtractedFact> extract(String text, ReportText.Kind kind) {
        List<ExtractedFact> facts = new ArrayList<>();
        grade(text, facts);
        Matcher margin = MARGIN.matcher(text);
        if (margin.find()) {
            String word = margin.group(1).toLowerCase(Locale.ROOT);
            boolean involved = word.equals("involved") || word.equals("positive");
            facts.add(new ExtractedFact(ReportField.MARGIN, involved ? "POSITIVE" : "NEGATIVE", margin.start(),
                    margin.end(), !involved));
        }
        presence(text, LVI, ReportField.LYMPHOVASCULAR_INVASION, facts);
        presence(text, PLEURAL, ReportField.PLEURAL_INVASION, facts);
        biomarker(text, EGFR, ReportField.EGFR, "(?i)wild.*|negative|not.*|no.*", facts);
        biomarker(text, ALK, ReportField.ALK, "(?i)negative|not.*", facts);
        Matcher pdl1 = PDL1.matcher(text);
        if (pdl1.find()) {
            facts.add(new ExtractedFact(ReportField.PDL1_TPS, pdl1.group(1).replace(" ", ""), pdl1.start(),
                    pdl1.end(), false));
        }
        Matcher side = LATERALITY.matcher(text);
        if (side.find()) {
            facts.add(new ExtractedFact(ReportField.LATERALITY, side.group(1).toUpperCase(Locale.ROOT), side.start(),
                    side.end(), false));
        }
        if (kind == ReportText.Kind.RADIOLOGY) {
            Matcher response = RESPONSE.matcher(text);
            if (response.find() && !Negation.isNegated(text, response.start(), response.end())) {
                String words = response.group().toLowerCase(Locale.ROOT);
                String recist = words.startsWith("complete") ? "CR" : words.startsWith("partial") ? "PR"
                        : words.startsWith("stable") ? "SD" : "PD";
                facts.add(new ExtractedFact(ReportField.RESPONSE, recist, response.start(), response.end(), false));
            }
        }
        return facts;
    }

    private static void grade(String text, List<ExtractedFact> facts) {
        Matcher m = GRADE.matcher(text);
        if (!m.find()) {
            return;
        }
        String value;
        if (m.group(1) != null) {
            String g = m.group(1).toUpperCase(Locale.ROOT).replace("G", "");
            value = switch (g) {
                case "1", "I" -> "G1";
                case "2", "II" -> "G2";
                case "3", "III" -> "G3";
                default -> "G4";
            };
        } else if (m.group(2) != null) {
            String words = m.group(2).toLowerCase(Locale.ROOT);
            value = words.equals("well") ? "G1" : words.equals("moderately") ? "G2" : "G3";
        } else {
            value = "G4";
        }
        facts.add(new ExtractedFact(ReportField.GRADE, value, m.start(), m.end(), false));
    }

    private static void presence(String text, Pattern pattern, ReportField field, List<ExtractedFact> facts) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            String token = m.group().toUpperCase(Locale.ROOT);
            boolean negated = token.equals("PL0") || Negation.isNegated(text, m.start(), m.end());
            if (token.matches("PL[1-3]")) {
                negated = false;
            }
            facts.add(new ExtractedFact(field, negated ? "ABSENT" : "PRESENT", m.start(), m.end(), negated));
        }
    }

    private static void biomarker(String text, Pattern pattern, ReportField field, String negativeWords,
                                  List<ExtractedFact> facts) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            boolean negative = m.group(1).matches(negativeWords)
                    || Negation.isNegated(text, m.start(), m.start() + field.name().length());
            facts.add(new ExtractedFact(field, negative ? "NEGATIVE" : "POSITIVE", m.start(), m.end(), negative));
        }
    }
}
