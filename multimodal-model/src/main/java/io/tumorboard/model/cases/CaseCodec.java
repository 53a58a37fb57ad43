package io.tumorboard.model.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes cases as JSON lines behind a versioned header line.
 *
 * <p>Line 1 is {@code {"format":"tumorboard.cases","schemaVersion":"1.1"}}; every further line is one
 * {@link PatientCase}. A file of another major version is refused. A case from a newer minor version may carry
 * top-level fields this version does not know: {@link UnknownFields#KEEP} keeps them in
 * {@link PatientCase#extensions()} and writes them back, {@link UnknownFields#REJECT} refuses the line. An
 * unknown field nested inside a known section is always refused: it would otherwise be dropped silently.
 */
public final class CaseCodec {

    public static final String FORMAT = "tumorboard.cases";
    public static final String SCHEMA_VERSION = "1.1";

    private static final Set<String> KNOWN_FIELDS = Arrays.stream(PatientCase.class.getRecordComponents())
            .map(component -> component.getName())
            .filter(name -> !name.equals("extensions"))
            .collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper mapper = CaseJson.mapper();
    private final UnknownFields unknownFields;

    public CaseCodec(UnknownFields unknownFields) {
        this.unknownFields = unknownFields;
    }

    /** What to do with top-level fields this schema version does not know. */
    public enum UnknownFields {
        KEEP,
        REJECT
    }

    public String header() {
        ObjectNode header = mapper.createObjectNode();
        header.put("format", FORMAT);
        header.put("schemaVersion", SCHEMA_VERSION);
        return header.toString();
    }

    /** Checks a header line; returns the schema version it declares. */
    public String checkHeader(String line) {
        JsonNode header = parse(line, 1);
        if (!FORMAT.equals(header.path("format").asText())) {
            throw new CaseFormatException(1, "not a case file: header format is '" + header.path("format").asText()
                    + "', expected '" + FORMAT + "'");
        }
        String version = header.path("schemaVersion").asText("");
        if (!major(version).equals(major(SCHEMA_VERSION))) {
            throw new CaseFormatException(1, "schema version " + version + " cannot be read by this version ("
                    + SCHEMA_VERSION + "): the major versions differ");
        }
        return version;
    }

    public String encode(PatientCase patientCase) {
        ObjectNode node = mapper.valueToTree(patientCase);
        patientCase.extensions().forEach((name, value) -> node.set(name, mapper.valueToTree(value)));
        return node.toString();
    }

    public PatientCase decode(String line, long lineNumber) {
        JsonNode node = parse(line, lineNumber);
        if (!(node instanceof ObjectNode object)) {
            throw new CaseFormatException(lineNumber, "a case must be a JSON object");
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_FIELDS.contains(name)) {
                if (unknownFields == UnknownFields.REJECT) {
                    throw new CaseFormatException(lineNumber, "unknown field '" + name + "' (schema "
                            + object.path("schemaVersion").asText("?") + ", this reader knows " + SCHEMA_VERSION + ")");
                }
                extensions.put(name, mapper.convertValue(object.get(name), Object.class));
            }
        }
        extensions.keySet().forEach(object::remove);
        try {
            PatientCase decoded = mapper.treeToValue(object, PatientCase.class);
            return extensions.isEmpty() ? decoded : withExtensions(decoded, extensions);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new CaseFormatException(lineNumber, "not a valid case: " + firstLine(e.getMessage()), e);
        }
    }

    public void write(Path file, List<PatientCase> cases) {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(header());
            writer.newLine();
            for (PatientCase patientCase : cases) {
                writer.write(encode(patientCase));
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cases to " + file, e);
        }
    }

    public List<PatientCase> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new CaseFormatException(1, "empty file " + file.getFileName() + ": no header line");
            }
            checkHeader(header);
            List<PatientCase> cases = new ArrayList<>();
            long lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    cases.add(decode(line, lineNumber));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cases from " + file, e);
        }
    }

    private JsonNode parse(String line, long lineNumber) {
        try {
            return mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CaseFormatException(lineNumber, "broken JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static PatientCase withExtensions(PatientCase c, Map<String, Object> extensions) {
        return new PatientCase(c.schemaVersion(), c.caseKey(), c.site(), c.caseVersion(), c.assembledAt(),
                c.demographics(), c.primaryCancer(), c.staging(), c.imaging(), c.pathology(), c.treatments(), c.clinical(),
                c.outcome(), c.modalities(), c.flags(), extensions);
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
