package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.Test;

/**
 * Reads the export the way an independent, strict reader would, and checks that exactly the lines it must
 * reject are listed in rejections.jsonl, and that everything else parses as FHIR R4 with HAPI.
 */
class ExportConformanceTest {

    private static final Pattern AJCC_CATEGORY = Pattern.compile("[cp](T1a|T1b|T1c|T2a|T2b|T3|T4|N[0-3]|M0|M1a|M1b|M1c)"
            + "|[1-4][ABC]?[1-3]?");
    private final ObjectMapper json = new ObjectMapper();
    private final IParser strict = FhirContext.forR4Cached().newJsonParser()
            .setParserErrorHandler(new StrictErrorHandler());

    @Test
    void exactlyTheMalformedLinesAreInRejectionsAndEveryOtherLineParsesWithHapi() throws IOException {
        Path root = SmallCohort.folder();
        for (String site : SmallCohort.SITES) {
            Path siteDir = root.resolve(site);
            Set<String> listed = new TreeSet<>();
            for (String line : Files.readAllLines(root.resolve("truth").resolve(site).resolve("rejections.jsonl"))) {
                JsonNode r = json.readTree(line);
                listed.add(r.get("file").asText() + ":" + r.get("line").asInt());
            }
            Set<String> found = new TreeSet<>();
            Set<String> patients = patientIds(siteDir);
            int wellFormed = 0;
            for (String type : SiteExport.RESOURCE_TYPES) {
                String file = "fhir/" + type + ".ndjson";
                Set<String> ids = new HashSet<>();
                List<byte[]> lines = lines(siteDir.resolve(file));
                for (int i = 0; i < lines.size(); i++) {
                    if (malformed(lines.get(i), type, ids, patients)) {
                        found.add(file + ":" + (i + 1));
                    } else {
                        wellFormed++;
                    }
                }
            }
            Set<String> studies = new HashSet<>();
            List<byte[]> rows = lines(siteDir.resolve(RadiomicsTable.FILE));
            assertThat(RadiomicsTable.cells(new String(rows.get(0), StandardCharsets.UTF_8)))
                    .hasSizeGreaterThan(100 + RadiomicsTable.DIAGNOSTICS_COLUMNS.size());
            for (int i = 1; i < rows.size(); i++) {
                List<String> cells = RadiomicsTable.cells(new String(rows.get(i), StandardCharsets.UTF_8));
                boolean numeric = cells.subList(cells.size() - RadiomicsFeatures.FEATURE_COLUMNS.size(), cells.size())
                        .stream().allMatch(ExportConformanceTest::isNumber);
                if (!studies.add(cells.get(RadiomicsTable.STUDY_ID_COLUMN)) || !numeric) {
                    found.add(RadiomicsTable.FILE + ":" + (i + 1));
                }
            }
            assertThat(found).as(site).isEqualTo(listed);
            assertThat(found.size()).as("about 1%% malformed at %s", site)
                    .isBetween(MalformedKind.values().length, wellFormed / 50);
        }
    }

    @Test
    void reportsArriveAsBase64TextAndHospitalCSendsPathologyAsTextFiles() throws IOException {
        Path root = SmallCohort.folder();
        Path firstReport = root.resolve("hospital-a/fhir/DiagnosticReport.ndjson");
        DiagnosticReport report = strict.parseResource(DiagnosticReport.class, Files.readAllLines(firstReport).get(0));
        assertThat(report.getPresentedFormFirstRep().getContentType()).isEqualTo("text/plain");
        assertThat(new String(report.getPresentedFormFirstRep().getData(), StandardCharsets.UTF_8)).isNotBlank();

        try (var files = Files.list(root.resolve("hospital-c/reports"))) {
            List<Path> texts = files.toList();
            assertThat(texts).isNotEmpty().allSatisfy(path -> assertThat(path.getFileName().toString())
                    .matches("[A-Z][0-9]{7}__\\d{4}-\\d{2}-\\d{2}__pathology\\.txt"));
        }
        assertThat(Files.readString(root.resolve("hospital-c/fhir/DiagnosticReport.ndjson")))
                .doesNotContain("\"code\":\"SP\"");
    }

    /** An independent reader's verdict on one NDJSON line. */
    private boolean malformed(byte[] bytes, String type, Set<String> seenIds, Set<String> patients) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return true;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            return true;
        }
        try {
            strict.parseResource(text);
        } catch (DataFormatException e) {
            return true;
        }
        if (!seenIds.add(node.path("id").asText())) {
            return true;
        }
        String subject = node.path("subject").path("reference").asText(node.path("patient").path("reference")
                .asText(""));
        if (!type.equals("Patient") && !patients.contains(subject)) {
            return true;
        }
        String value = node.path("valueCodeableConcept").path("coding").path(0).path("code").asText(null);
        return node.path("valueCodeableConcept").path("coding").path(0).path("system").asText("")
                .equals(FhirRecords.AJCC) && !AJCC_CATEGORY.matcher(value).matches();
    }

    private Set<String> patientIds(Path siteDir) throws IOException {
        Set<String> ids = new HashSet<>();
        for (byte[] line : lines(siteDir.resolve("fhir/Patient.ndjson"))) {
            try {
                ids.add("Patient/" + json.readTree(line).path("id").asText());
            } catch (IOException brokenLine) {
                // A broken line names no patient; the conformance check itself reports it.
            }
        }
        return ids;
    }

    private static List<byte[]> lines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
