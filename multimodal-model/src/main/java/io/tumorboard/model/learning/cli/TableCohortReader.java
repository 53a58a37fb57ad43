package io.tumorboard.model.learning.cli;

import io.tumorboard.model.cases.ClinicalFacts;
import io.tumorboard.model.cases.Demographics;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.ModalityPresence;
import io.tumorboard.model.cases.Outcome;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a flat cohort table (one patient per row) into cases through a {@link TableMapping}, so a table and a
 * JSON-lines case file take the same road into the network. Cells listed as missing ("Not Collected", "N/A")
 * become nulls; a row whose outcome cannot be read becomes a case without an outcome, and every such row is
 * reported in {@link Result#problems()} with its line and reason rather than dropped silently.
 */
final class TableCohortReader {

    /** Cases read, and one line per row that lost something, naming the row and why. */
    record Result(List<PatientCase> cases, List<String> problems) {
    }

    private final TableMapping mapping;

    TableCohortReader(TableMapping mapping) {
        this.mapping = mapping;
    }

    Result read(Path table) {
        try (Reader reader = Files.newBufferedReader(table, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(reader)) {
            List<String> header = parser.getHeaderNames();
            List<String> radiomics = mapping.radiomicsColumns(header);
            List<PatientCase> cases = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (CSVRecord row : parser) {
                cases.add(toCase(row, table, radiomics, problems));
            }
            return new Result(cases, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + table, e);
        }
    }

    private PatientCase toCase(CSVRecord row, Path table, List<String> radiomicsColumns, List<String> problems) {
        String where = table.getFileName() + " line " + (row.getRecordNumber() + 1);
        String id = cell(row, "id");
        if (id == null) {
            throw new IllegalArgumentException(where + ": no patient identifier in column '" + mapping.column("id") + "'");
        }
        String site = mapping.column("site.constant") != null ? mapping.column("site.constant")
                : orElse(cell(row, "site"), "unknown-site");
        // The identifier never enters a case: only its keyed hash does (see PatientKey).
        String key = PatientKey.demo(site).of(id);
        SourceRef source = new SourceRef(SourceRef.SourceKind.RADIOMICS_TABLE, table.getFileName() + "#"
                + (row.getRecordNumber() + 1), null);
        Outcome outcome = outcome(row, where, problems);
        Integer age = integer(cell(row, "age"), where, "age", problems);
        List<StageObservation> staging = new ArrayList<>();
        for (String d : List.of("t", "n", "m", "stageGroup")) {
            String value = cell(row, d);
            if (value != null) {
                StageDescriptor descriptor = d.equals("stageGroup") ? StageDescriptor.GROUP
                        : StageDescriptor.valueOf(d.toUpperCase(Locale.ROOT));
                staging.add(new StageObservation(StageBasis.PATHOLOGICAL, descriptor, value, mapping.edition(), null,
                        source));
            }
        }
        Map<String, Double> radiomics = new LinkedHashMap<>();
        for (String column : radiomicsColumns) {
            String value = row.isMapped(column) ? normalised(row.get(column)) : null;
            if (value != null) {
                try {
                    radiomics.put(column, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    problems.add(where + ": radiomics '" + column + "' is not a number ('" + value + "'): left out");
                }
            }
        }
        String histology = cell(row, "histology");
        String text = orElse(cell(row, "text"), "");
        List<ImagingStudy> imaging = radiomics.isEmpty() ? List.of()
                : List.of(new ImagingStudy(key + "-img", null, "CT", radiomics, "", null, null, null, source));
        List<PathologyReport> pathology = text.isBlank() ? List.of()
                : List.of(new PathologyReport(key + "-path", null, text, null, source));
        ClinicalFacts clinical = new ClinicalFacts(null, smoking(cell(row, "smoking")),
                decimal(cell(row, "packYears"), where, "packYears", problems), null, null, null, null, null);
        PrimaryCancer cancer = new PrimaryCancer(null, null, null, histology, null, null, source);
        return new PatientCase(null, key, site, 1, null, new Demographics(sex(cell(row, "sex")), age), cancer,
                staging, imaging, pathology, List.of(), clinical, outcome,
                new ModalityPresence(!imaging.isEmpty(), !pathology.isEmpty(), true), null, null);
    }

    private Outcome outcome(CSVRecord row, String where, List<String> problems) {
        Set<String> deathValues = mapping.eventValues();
        String event = cell(row, "event");
        if (event == null) {
            problems.add(where + ": no event status: case kept without an outcome");
            return null;
        }
        boolean death = deathValues.contains(event.toLowerCase(Locale.ROOT));
        Integer days;
        if (mapping.column("time.days") != null) {
            days = integer(cell(row, "time.days"), where, "time.days", problems);
        } else {
            LocalDate start = date(cell(row, "time.start"), where, "time.start", problems);
            LocalDate end = date(cell(row, "time.end"), where, "time.end", problems);
            days = start == null || end == null ? null : (int) ChronoUnit.DAYS.between(start, end);
        }
        if (days == null || days < 0) {
            problems.add(where + ": follow-up time missing or negative (" + days + "): case kept without an outcome");
            return null;
        }
        return new Outcome(days, death, null);
    }

    private String cell(CSVRecord row, String key) {
        String column = mapping.column(key);
        if (column == null || !row.isMapped(column)) {
            return null;
        }
        return normalised(row.get(column));
    }

    private String normalised(String raw) {
        if (raw == null || raw.isBlank() || mapping.missingValues().contains(raw.trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return raw.trim();
    }

    private static Integer integer(String value, String where, String what, List<String> problems) {
        Double d = decimal(value, where, what, problems);
        return d == null ? null : (int) Math.round(d);
    }

    private static Double decimal(String value, String where, String what, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(where + ": " + what + " '" + value + "' is not a number: treated as missing");
            return null;
        }
    }

    private LocalDate date(String value, String where, String what, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, mapping.dateFormat());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(where + ": " + what + " '" + value + "' is not a date: treated as missing");
            return null;
        }
    }

    private static SmokingStatus smoking(String value) {
        if (value == null) {
            return SmokingStatus.UNKNOWN;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.contains("non") || v.contains("never")) {
            return SmokingStatus.NEVER;
        }
        return v.contains("former") || v.contains("ex") ? SmokingStatus.FORMER
                : v.contains("current") ? SmokingStatus.CURRENT : SmokingStatus.UNKNOWN;
    }

    private static String sex(String value) {
        return value == null ? "unknown" : value.toLowerCase(Locale.ROOT);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
