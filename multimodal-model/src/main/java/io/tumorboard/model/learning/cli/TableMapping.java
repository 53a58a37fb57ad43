package io.tumorboard.model.learning.cli;

import io.tumorboard.model.cases.AjccEdition;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which column of a flat cohort table means what, read from a small properties file. Keys:
 * {@code id}, {@code site} (column, or {@code site.constant}), {@code time.days} or {@code time.start} +
 * {@code time.end} (date columns, {@code date.format}), {@code event} and {@code event.values} (the values that
 * mean death), {@code age}, {@code sex}, {@code smoking}, {@code packYears}, {@code histology}, {@code t},
 * {@code n}, {@code m}, {@code stageGroup}, {@code edition} (AJCC edition of the T/N/M columns),
 * {@code radiomics} (comma-separated columns, or {@code radiomics.prefix}), {@code text}, and {@code missing}
 * (comma-separated cell values meaning "not recorded").
 */
record TableMapping(Properties properties) {

    static TableMapping read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + file, e);
        }
        TableMapping mapping = new TableMapping(properties);
        if (mapping.column("id") == null) {
            throw new IllegalArgumentException("mapping " + file.getFileName() + ": 'id' (the patient column) is required");
        }
        if (mapping.column("time.days") == null && (mapping.column("time.start") == null
                || mapping.column("time.end") == null)) {
            throw new IllegalArgumentException("mapping " + file.getFileName()
                    + ": give 'time.days', or 'time.start' and 'time.end'");
        }
        return mapping;
    }

    String column(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value;
    }

    Set<String> missingValues() {
        return split(properties.getProperty("missing", "")).stream().map(String::toLowerCase)
                .collect(Collectors.toSet());
    }

    Set<String> eventValues() {
        return split(properties.getProperty("event.values", "1,true,yes,dead")).stream().map(String::toLowerCase)
                .collect(Collectors.toSet());
    }

    List<String> radiomicsColumns(List<String> header) {
        String prefix = column("radiomics.prefix");
        if (prefix != null) {
            return header.stream().filter(h -> h.startsWith(prefix)).toList();
        }
        return split(properties.getProperty("radiomics", ""));
    }

    DateTimeFormatter dateFormat() {
        return DateTimeFormatter.ofPattern(properties.getProperty("date.format", "yyyy-MM-dd"));
    }

    AjccEdition edition() {
        return AjccEdition.valueOf(properties.getProperty("edition", "UNKNOWN"));
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
