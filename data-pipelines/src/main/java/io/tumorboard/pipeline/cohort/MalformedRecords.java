package io.tumorboard.pipeline.cohort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts about 1% malformed records into a site's export, every kind at least once, each an extra line at a random
 * place (a duplicate after its original). No well-formed record is damaged, so the expected cases do not depend
 * on them: a perfect pipeline rejects exactly these lines, with a reason, and loses nothing else.
 */
final class MalformedRecords {

    /** Share of malformed lines among all exported lines. */
    static final double RATE = 0.01;

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern NUMBER_VALUE = Pattern.compile("\"value\":([0-9.]+)");
    private static final Pattern T_VALUE = Pattern.compile("\"code\":\"([cp])T[0-9][a-c]?\"");
    private static final Pattern SUBJECT = Pattern.compile("\"reference\":\"Patient/[^\"]+\"");

    private final String site;
    private int serial;

    MalformedRecords(String site) {
        this.site = site;
    }

    /** Adds malformed lines to the FHIR files (by resource type) and the radiomics table. */
    void inject(Map<String, ExportFile> fhir, ExportFile radiomics, RandomGenerator random) {
        long total = fhir.values().stream().mapToLong(f -> f.lines().size()).sum() + radiomics.lines().size();
        int count = (int) Math.max(MalformedKind.values().length, Math.round(total * RATE));
        ExportFile observations = fhir.get("Observation");
        for (int i = 0; i < count; i++) {
            MalformedKind kind = MalformedKind.values()[i % MalformedKind.values().length];
            switch (kind) {
                case BROKEN_JSON -> {
                    List<ExportFile> files = new ArrayList<>(fhir.values());
                    ExportFile file = files.get(random.nextInt(files.size()));
                    String json = newId(wellFormed(file, random));
                    insert(file, json.substring(0, json.length() * 3 / 5), kind,
                            "broken JSON: the record ends mid-object (truncated export line)", random);
                }
                case WRONG_TYPE -> {
                    String json = newId(wellFormedMatching(observations, "62238-1", random));
                    Matcher m = NUMBER_VALUE.matcher(json);
                    m.find();
                    insert(observations, m.replaceFirst("\"value\":\"" + m.group(1) + " mL/min\""), kind,
                            "wrong type: Observation.valueQuantity.value is a string, FHIR requires a decimal", random);
                }
                case UNKNOWN_CODE -> {
                    String json = newId(wellFormedMatching(observations, "StructureDefinition/mcode-tnm-", random));
                    Matcher m = T_VALUE.matcher(json);
                    if (m.find()) {
                        json = m.replaceFirst("\"code\":\"" + m.group(1) + "T5\"");
                        insert(observations, json, kind, "unknown code: T5 is not an AJCC lung T category", random);
                    } else {
                        json = json.replaceFirst("\"code\":\"[cp][NM][0-9][a-c]?\"", "\"code\":\"N7\"");
                        insert(observations, json, kind, "unknown code: N7 is not an AJCC N or M category", random);
                    }
                }
                case MISSING_PATIENT_REFERENCE -> {
                    String json = newId(wellFormed(observations, random));
                    String missing = "Patient/" + site + "-x" + (9000 + serial);
                    insert(observations, SUBJECT.matcher(json).replaceFirst("\"reference\":\"" + missing + "\""), kind,
                            "reference to a missing patient: " + missing + " is not in Patient.ndjson", random);
                }
                case DUPLICATE_RECORD -> {
                    List<ExportFile> files = new ArrayList<>(fhir.values());
                    ExportFile file = files.get(random.nextInt(files.size()));
                    duplicate(file, kind, "duplicate record: the same resource id appears earlier in the file",
                            random);
                }
                case NON_UTF8_BYTES -> {
                    String json = newId(wellFormed(observations, random));
                    json = json.replaceFirst("\\{\"resourceType\":\"Observation\",",
                            "{\"resourceType\":\"Observation\",\"note\":[{\"text\":\"Befund vorl\u00e4ufig\"}],");
                    // Latin-1 writes 'ä' as the single byte 0xE4, which is not valid UTF-8.
                    insertBytes(observations, json.getBytes(StandardCharsets.ISO_8859_1), kind,
                            "bytes that are not valid UTF-8 (Latin-1 0xE4 in a note)", random);
                }
                case NON_NUMERIC_RADIOMICS -> {
                    List<String> cells = RadiomicsTable.cells(wellFormed(radiomics, random));
                    int feature = random.nextInt(RadiomicsFeatures.FEATURE_COLUMNS.size());
                    int column = cells.size() - RadiomicsFeatures.FEATURE_COLUMNS.size() + feature;
                    // A re-run of the same study exported beside the first, with a cell the spreadsheet broke.
                    cells.set(RadiomicsTable.STUDY_ID_COLUMN, cells.get(RadiomicsTable.STUDY_ID_COLUMN) + "-rerun");
                    cells.set(column, random.nextBoolean() ? "#DIV/0!" : "n/a");
                    insert(radiomics, RadiomicsTable.row(cells), kind, "non-numeric radiomics value '"
                            + cells.get(column) + "' in column " + RadiomicsFeatures.FEATURE_COLUMNS.get(feature),
                            random);
                }
                case DUPLICATE_RADIOMICS_ROW -> duplicate(radiomics, kind,
                        "duplicate radiomics row: the same study_id appears earlier in the table", random);
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }

    private String newId(String json) {
        serial++;
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("a FHIR line without an id");
        }
        return m.replaceFirst("\"id\":\"" + m.group(1) + "-m" + serial + "\"");
    }

    private static String wellFormed(ExportFile file, RandomGenerator random) {
        return new String(wellFormedLine(file, random).bytes(), StandardCharsets.UTF_8);
    }

    private static ExportFile.Line wellFormedLine(ExportFile file, RandomGenerator random) {
        int start = file.relativePath().endsWith(".csv") ? 1 : 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            ExportFile.Line line = file.lines().get(start + random.nextInt(file.lines().size() - start));
            if (line.kind() == null) {
                return line;
            }
        }
        throw new IllegalStateException("no well-formed line left in " + file.relativePath());
    }

    private static String wellFormedMatching(ExportFile file, String needle, RandomGenerator random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String json = wellFormed(file, random);
            if (json.contains(needle)) {
                return json;
            }
        }
        throw new IllegalStateException("no line with " + needle + " in " + file.relativePath());
    }

    private static void duplicate(ExportFile file, MalformedKind kind, String reason, RandomGenerator random) {
        ExportFile.Line original = wellFormedLine(file, random);
        int at = file.lines().indexOf(original);
        int position = at + 1 + random.nextInt(file.lines().size() - at);
        file.lines().add(position, new ExportFile.Line(original.bytes(), kind, reason));
    }

    private static void insert(ExportFile file, String text, MalformedKind kind, String reason,
            RandomGenerator random) {
        insertBytes(file, text.getBytes(StandardCharsets.UTF_8), kind, reason, random);
    }

    private static void insertBytes(ExportFile file, byte[] bytes, MalformedKind kind, String reason,
            RandomGenerator random) {
        // Never in front of a CSV header.
        int start = file.relativePath().endsWith(".csv") ? 1 : 0;
        int position = start + random.nextInt(file.lines().size() - start + 1);
        file.lines().add(position, new ExportFile.Line(bytes, kind, reason));
    }
}
