package io.tumorboard.pipeline.text;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Measures the extractor on real pathology reports against their GDC labels: the TCGA set in
 * {@code reference-data/tcga-pathology-reports} (columns {@code report_text}, {@code ajcc_pathologic_t/n/m},
 * {@code cdr_histological_type}). Histology is scored on its family (squamous, adenocarcinoma, ductal, lobular,
 * medullary), since GDC's labels name families and subtypes inconsistently; reports whose label names no family
 * ("Infiltrating Carcinoma NOS", "Other") are left out of the histology score.
 */
public final class ExtractionMeasurement {

    private final ReportReader reader = new ReportReader();

    public Map<String, FieldScore> measure(Path csv) throws IOException {
        Map<String, FieldScore> scores = new LinkedHashMap<>();
        for (String field : List.of("pT", "pN", "M (p or c)", "histology")) {
            scores.put(field, new FieldScore(field, 0, 0, 0, 0));
        }
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                List<ExtractedFact> facts = reader.read(row.get("report_text"), ReportText.Kind.PATHOLOGY);
                score(scores, "pT", row.get("ajcc_pathologic_t"), first(facts, ReportField.PATHOLOGICAL_T));
                score(scores, "pN", row.get("ajcc_pathologic_n"), first(facts, ReportField.PATHOLOGICAL_N));
                // Pathologists rarely assign pM; GDC's "pathologic M" is in practice the M stated anywhere (often cM0).
                score(scores, "M (p or c)", row.get("ajcc_pathologic_m"), first(facts, ReportField.PATHOLOGICAL_M)
                        .or(() -> first(facts, ReportField.CLINICAL_M)));
                String family = labelFamily(row.get("cdr_histological_type"));
                if (family != null) {
                    String extracted = first(facts, ReportField.MORPHOLOGY_CODE).map(ExtractionMeasurement::family)
                            .orElse(null);
                    boolean match = family.equals(extracted);
                    scores.put("histology", scores.get("histology").add(extracted != null, match, match));
                }
            }
        }
        return scores;
    }

    public static void print(Map<String, FieldScore> scores, PrintStream out) {
        out.printf("%-10s %9s %9s %10s %10s %10s %10s%n", "field", "labelled", "coverage", "precision",
                "cat.prec.", "accuracy", "cat.acc.");
        for (FieldScore s : scores.values()) {
            out.printf(Locale.ROOT, "%-10s %9d %8.1f%% %9.1f%% %9.1f%% %9.1f%% %9.1f%%%n", s.field(), s.labelled(),
                    100 * s.coverage(), 100 * s.precision(), 100 * s.categoryPrecision(), 100 * s.accuracy(),
                    100 * s.categoryAccuracy());
        }
    }

    private static void score(Map<String, FieldScore> scores, String field, String label, Optional<String> value) {
        if (label == null || label.isBlank()) {
            return;
        }
        String expected = label.trim();
        boolean exact = value.map(v -> v.equalsIgnoreCase(expected)).orElse(false);
        boolean category = value.map(v -> v.length() >= 2 && expected.length() >= 2
                && v.substring(0, 2).equalsIgnoreCase(expected.substring(0, 2))).orElse(false);
        scores.put(field, scores.get(field).add(value.isPresent(), exact, category));
    }

    private static Optional<String> first(List<ExtractedFact> facts, ReportField field) {
        return facts.stream().filter(f -> f.field() == field).map(ExtractedFact::value).findFirst();
    }

    static String labelFamily(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("squamous")) {
            return "squamous";
        } else if (l.contains("adenocarcinoma") || l.contains("bronchioloalveolar")) {
            return "adenocarcinoma";
        } else if (l.contains("ductal")) {
            return "ductal";
        } else if (l.contains("lobular")) {
            return "lobular";
        } else if (l.contains("medullary")) {
            return "medullary";
        }
        return null;
    }

    /** The family of an ICD-O-3 morphology code (WHO classification groups). */
    static String family(String morphology) {
        return switch (morphology) {
            case "8070/3" -> "squamous";
            case "8140/3", "8250/3", "8260/3", "8550/3", "8230/3", "8480/3" -> "adenocarcinoma";
            case "8500/3" -> "ductal";
            case "8520/3" -> "lobular";
            case "8510/3" -> "medullary";
            default -> "other " + morphology;
        };
    }
}
