package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The truth files agree with what was exported: every injected discrepancy is really visible in the records. */
class TruthConsistencyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyInjectedDiscrepancyIsVisibleInTheExportedRecords() throws IOException {
        int checked = 0;
        for (String site : SmallCohort.SITES) {
            Map<String, JsonNode> resources = wellFormedResources(SmallCohort.folder().resolve(site));
            for (JsonNode d : jsonLines(truth(site, "discrepancies.jsonl"))) {
                assertVisible(site, d, resources);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void safetyCombinationsOccurOnlyWhereTheyWereInjected() throws IOException {
        for (String site : SmallCohort.SITES) {
            Map<String, JsonNode> resources = wellFormedResources(SmallCohort.folder().resolve(site));
            Set<String> injected = new HashSet<>();
            for (JsonNode d : jsonLines(truth(site, "discrepancies.jsonl"))) {
                injected.add(d.get("type").asText() + "|" + d.get("sourceB").asText());
            }
            for (JsonNode p : jsonLines(truth(site, "patients.jsonl"))) {
                String id = p.get("patientResourceId").asText();
                JsonNode order = resources.get("ServiceRequest/" + id + "-order");
                String orderRef = "ServiceRequest/" + id + "-order";
                boolean contrastCt = order.toString().contains("IV iodinated contrast");
                boolean mri = order.path("code").path("coding").path(0).path("code").asText().equals("113091000");
                double egfr = resources.get("Observation/" + id + "-egfr").path("valueQuantity").path("value")
                        .asDouble();
                JsonNode device = resources.get("Device/" + id + "-device");
                String safety = device == null ? "" : device.path("safety").path(0).path("coding").path(0)
                        .path("code").asText();
                assertThat(contrastCt && resources.containsKey("AllergyIntolerance/" + id + "-allergy"))
                        .isEqualTo(injected.contains("CONTRAST_ALLERGY|" + orderRef));
                assertThat(contrastCt && egfr < 30).isEqualTo(injected.contains("CONTRAST_RENAL_RISK|" + orderRef));
                assertThat(mri && safety.equals("C106047"))
                        .isEqualTo(injected.contains("MRI_UNSAFE_DEVICE|" + orderRef));
                assertThat(mri && safety.equals("C106046") && !device.has("note"))
                        .isEqualTo(injected.contains("MRI_CONDITIONAL_DEVICE_UNDOCUMENTED|" + orderRef));
                JsonNode pregnancy = resources.get("Observation/" + id + "-pregnancy");
                boolean ionising = !mri;
                boolean reproductiveAge = p.get("sex").asText().equals("female") && p.get("ageYears").asInt() >= 12
                        && p.get("ageYears").asInt() <= 50;
                boolean unscreened = reproductiveAge && pregnancy == null;
                boolean pregnant = pregnancy != null && code(pregnancy).equals("77386006");
                assertThat(ionising && (pregnant || unscreened))
                        .isEqualTo(injected.contains("RADIATION_IN_PREGNANCY|" + orderRef));
            }
        }
    }

    @Test
    void expectedCasesCarryTheDemoKeysAndTheExportedStaging() throws IOException {
        for (String site : SmallCohort.SITES) {
            Map<String, JsonNode> resources = wellFormedResources(SmallCohort.folder().resolve(site));
            List<PatientCase> cases = new CaseCodec(CaseCodec.UnknownFields.REJECT)
                    .read(truth(site, "expected-cases.jsonl"));
            List<JsonNode> patients = jsonLines(truth(site, "patients.jsonl"));
            assertThat(cases).hasSize(SmallCohort.PATIENTS);
            PatientKey keys = PatientKey.demo(site);
            for (int i = 0; i < cases.size(); i++) {
                PatientCase c = cases.get(i);
                JsonNode p = patients.get(i);
                assertThat(c.caseKey()).isEqualTo(keys.of(p.get("mrn").asText()))
                        .isEqualTo(p.get("caseKey").asText());
                assertThat(c.modalities().imaging()).isEqualTo(p.get("hasImaging").asBoolean());
                assertThat(c.outcome().death()).isEqualTo(p.get("event").asBoolean());
                c.staging().forEach(s -> {
                    JsonNode obs = resources.get(s.source().reference());
                    String code = obs.path("valueCodeableConcept").path("coding").path(0).path("code").asText();
                    String expected = s.descriptor() == StageDescriptor.GROUP
                            ? LungStageGroups.ajccGroupCode(s.value())
                            : (s.basis() == StageBasis.CLINICAL ? "c" : "p") + s.value();
                    assertThat(code).as(s.source().reference()).isEqualTo(expected);
                });
            }
        }
    }

    private void assertVisible(String site, JsonNode d, Map<String, JsonNode> r) throws IOException {
        String type = d.get("type").asText();
        String a = d.get("sourceA").asText();
        String b = d.get("sourceB").asText();
        String patient = a.replaceAll("^[A-Za-z]+/(" + site + "-p\\d{4}).*$", "$1");
        boolean chemo = r.containsKey("Procedure/" + patient + "-chemo");
        switch (type) {
            case "CLINICAL_PATHOLOGICAL_STAGE_CONFLICT", "EXPECTED_RESTAGING" -> {
                assertThat(code(r.get(a)).substring(1)).as(a).isNotEqualTo(code(r.get(b)).substring(1));
                String clinicalDate = r.get(a).path("effectiveDateTime").asText();
                String pathologicalDate = r.get(b).path("effectiveDateTime").asText();
                if (type.equals("EXPECTED_RESTAGING")) {
                    // Explained by the order of events: the pathological stage comes after the clinical one.
                    assertThat(pathologicalDate).as(b).isGreaterThan(clinicalDate);
                } else {
                    // Same-time sources: nothing in the order of events explains the difference.
                    assertThat(pathologicalDate).as(b).isEqualTo(clinicalDate);
                    assertThat(chemo).as("chemotherapy before the resection of " + patient).isFalse();
                }
            }
            case "STAGE_GROUP_INCONSISTENT" -> {
                String base = a.substring(0, a.length() - 1);
                AjccEdition edition = AjccEdition.fromSnomed(r.get(a).path("method").path("coding").path(0)
                        .path("code").asText());
                String group = LungStageGroups.group(edition, code(r.get(base + "T")).substring(1),
                        code(r.get(base + "N")).substring(1), code(r.get(base + "M")).substring(1));
                assertThat(code(r.get(a))).isNotEqualTo(LungStageGroups.ajccGroupCode(group));
            }
            case "LATERALITY_CONFLICT" -> {
                String coded = r.get(a).path("bodySite").path(0).path("extension").path(0)
                        .path("valueCodeableConcept").path("coding").path(0).path("code").asText();
                String conditionSide = coded.equals("7771000") ? "left" : "right";
                String reportSide = conditionSide.equals("left") ? "right" : "left";
                String text = reportText(site, b, r).toLowerCase(Locale.ROOT);
                assertThat(text).contains(reportSide).doesNotContain(conditionSide);
            }
            case "TUMOR_SIZE_CONFLICT" -> {
                JsonNode size = r.get(a).path("valueQuantity");
                double imagingMm = size.path("value").asDouble() * (size.path("unit").asText().equals("cm") ? 10 : 1);
                double pathologyMm = Double.parseDouble(d.path("values").path("pathology").asText().split(" ")[0]);
                assertThat(Math.abs(imagingMm - pathologyMm)).isGreaterThanOrEqualTo(15);
                String text = reportText(site, b, r).toLowerCase(Locale.ROOT);
                assertThat(text).containsAnyOf(PathologyReportText.cm(pathologyMm) + " cm",
                        DocumentationPlanner.fmt(pathologyMm) + " mm");
            }
            case "HISTOLOGY_CONFLICT" -> {
                String coded = r.get(a).path("extension").path(0).path("valueCodeableConcept").path("coding").path(0)
                        .path("code").asText();
                assertThat(d.path("values").path("condition").asText()).startsWith(coded);
                assertThat(d.path("values").path("pathology").asText()).doesNotContain(coded);
            }
            case "CONTRAST_ALLERGY" -> assertThat(r.get(a).toString()).contains("Iodinated contrast media");
            case "CONTRAST_RENAL_RISK" -> assertThat(r.get(a).path("valueQuantity").path("value").asDouble())
                    .isLessThan(30);
            case "MRI_UNSAFE_DEVICE", "MRI_CONDITIONAL_DEVICE_UNDOCUMENTED" -> assertThat(r.get(a).toString())
                    .contains(type.equals("MRI_UNSAFE_DEVICE") ? "C106047" : "C106046").doesNotContain("\"note\"");
            case "RADIATION_IN_PREGNANCY" -> {
                // Either a status that says pregnant, or a woman of reproductive age with no status at all.
                if (a.startsWith("Observation/")) {
                    assertThat(code(r.get(a))).as(a).isEqualTo("77386006");
                } else {
                    assertThat(r.get(a).path("gender").asText()).as(a).isEqualTo("female");
                    assertThat(r).as(a).doesNotContainKey("Observation/" + patient + "-pregnancy");
                }
                assertThat(r.get(b).toString()).as(b).doesNotContain("113091000");
            }
            default -> throw new AssertionError("unexpected truth type " + type);
        }
        if (type.startsWith("CONTRAST") || type.startsWith("MRI")) {
            assertThat(r.get(b).toString()).contains(type.startsWith("CONTRAST") ? "IV iodinated contrast"
                    : "113091000");
        }
    }

    private static String code(JsonNode observation) {
        return observation.path("valueCodeableConcept").path("coding").path(0).path("code").asText();
    }

    private static String reportText(String site, String document, Map<String, JsonNode> r) throws IOException {
        if (document.startsWith("reports/")) {
            return Files.readString(SmallCohort.folder().resolve(site).resolve(document));
        }
        String data = r.get(document).path("presentedForm").path(0).path("data").asText();
        return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
    }

    private static Path truth(String site, String file) {
        return SmallCohort.folder().resolve("truth").resolve(site).resolve(file);
    }

    private List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }

    /** Every resource of the first well-formed line with its type/id (malformed copies carry other ids). */
    private Map<String, JsonNode> wellFormedResources(Path siteDir) throws IOException {
        Map<String, JsonNode> resources = new HashMap<>();
        for (String type : SiteExport.RESOURCE_TYPES) {
            for (String line : Files.readAllLines(siteDir.resolve("fhir/" + type + ".ndjson"),
                    StandardCharsets.ISO_8859_1)) {
                try {
                    JsonNode node = json.readTree(line);
                    resources.putIfAbsent(type + "/" + node.path("id").asText(), node);
                } catch (IOException brokenLine) {
                    // Truncated lines are rejections, checked by ExportConformanceTest.
                }
            }
        }
        return resources;
    }
}
