package io.tumorboard.pipeline.text;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * T, N and M categories as written: prefixed ({@code pT2a}, {@code ypN1}, {@code cT3}), grouped ({@code pT2aN0M0},
 * {@code T2 N1 MX}), and in synoptic form ({@code Pathological T. T2b.}, {@code Primary Tumor (pT): pT1c}).
 * OCR noise tolerated: a space inside the token ({@code pT 2a}), letter O for zero ({@code MO}), upper-case
 * prefix ({@code PT2}). The first mention of each field wins, since reports state the final stage in their
 * diagnosis or synoptic block before any discussion.
 */
final class TnmExtractor {

    private static final String T_VALUE = "(is|[xX]|[0-4oO](?:mi|[a-dA-D][12]?)?)";
    private static final String N_VALUE = "([xX]|[0-3oO](?:mi|[a-cA-C])?)";
    private static final String M_VALUE = "([xX]|[01oO][a-cA-C]?)";

    /** A prefixed category: the prefix says pathological or clinical. */
    private static final Pattern PREFIXED = Pattern.compile(
            "(?<![A-Za-z])(y?[pPcC])\\s?([TtNnMm])\\s?(?:" + T_VALUE + "|" + N_VALUE + ")(?![A-Za-z0-9])");
    /** A bare TNM run such as {@code T2 N0 M0} or {@code T2N0MX}: three together leave no doubt. */
    private static final Pattern RUN = Pattern.compile(
            "(?<![A-Za-z])(y?[pPcC])?T\\s?" + T_VALUE + "\\s?,?\\s?(?:y?[pPcC])?N\\s?" + N_VALUE
                    + "(?:\\s?,?\\s?(?:y?[pPcC])?M\\s?" + M_VALUE + ")?(?![A-Za-z0-9])");
    /** Synoptic labels: "Pathological T. T2b.", "Primary tumor (pT): T1c", "Regional lymph nodes (pN): N0". */
    private static final Pattern SYNOPTIC = Pattern.compile(
            "(?i)(pathologic(?:al)?|clinical|primary tumou?r|regional lymph nodes|distant metastasis)"
                    + "[^.:\\n]{0,25}[.:]\\s{0,3}(?:y?[pc])?([TNM])\\s?([0-4oOxX](?:mi|is|[a-dA-D][12]?)?|is)(?![A-Za-z0-9])");

    List<ExtractedFact> extract(String text, ReportText.Kind kind) {
        List<ExtractedFact> facts = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            boolean clinical = isClinical(run.group(1), kind);
            add(facts, "T", run.group(2), run.start(2), run.end(2), clinical);
            add(facts, "N", run.group(3), run.start(3), run.end(3), clinical);
            if (run.group(4) != null) {
                add(facts, "M", run.group(4), run.start(4), run.end(4), clinical);
            }
        }
        Matcher prefixed = PREFIXED.matcher(text);
        while (prefixed.find()) {
            String letter = prefixed.group(2).toUpperCase(Locale.ROOT);
            String value = prefixed.group(3) != null ? prefixed.group(3) : prefixed.group(4);
            if (letter.equals("M") && !value.matches("(?i)[01ox][a-c]?")) {
                continue;
            }
            if (letter.equals("N") && !value.matches("(?i)[0-3ox](mi|[a-c])?")) {
                continue;
            }
            add(facts, letter, value, prefixed.start(), prefixed.end(), isClinical(prefixed.group(1), kind));
        }
        Matcher synoptic = SYNOPTIC.matcher(text);
        while (synoptic.find()) {
            String label = synoptic.group(1).toLowerCase(Locale.ROOT);
            boolean clinical = label.startsWith("clinical")
                    || kind == ReportText.Kind.RADIOLOGY && !label.startsWith("pathologic");
            add(facts, synoptic.group(2).toUpperCase(Locale.ROOT), synoptic.group(3), synoptic.start(2),
                    synoptic.end(3), clinical);
        }
        facts.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return facts;
    }

    private static boolean isClinical(String prefix, ReportText.Kind kind) {
        if (prefix == null) {
            return kind == ReportText.Kind.RADIOLOGY;
        }
        return prefix.toLowerCase(Locale.ROOT).endsWith("c");
    }

    private static void add(List<ExtractedFact> facts, String letter, String rawValue, int start, int end,
                            boolean clinical) {
        String value = rawValue.replace('o', '0').replace('O', '0');
        value = value.equalsIgnoreCase("is") ? "is" : value.toLowerCase(Locale.ROOT).replace("x", "X");
        ReportField field = switch (letter) {
            case "T" -> clinical ? ReportField.CLINICAL_T : ReportField.PATHOLOGICAL_T;
            case "N" -> clinical ? ReportField.CLINICAL_N : ReportField.PATHOLOGICAL_N;
            default -> clinical ? ReportField.CLINICAL_M : ReportField.PATHOLOGICAL_M;
        };
        for (ExtractedFact existing : facts) {
            if (existing.field() == field && existing.start() < end && start < existing.end()) {
                return;
            }
        }
        facts.add(new ExtractedFact(field, letter + value, start, end, false));
    }
}
