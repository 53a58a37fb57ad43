package io.tumorboard.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.model.casestore.DeadLetter;
import io.tumorboard.model.casestore.PipelineRun;
import io.tumorboard.model.rules.ClinicalRules;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.cohort.CohortGenerator;
import io.tumorboard.pipeline.cohort.CohortSettings;
import io.tumorboard.pipeline.sink.StoreConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against the demo cohort's ground truth ({@code truth/} is read here, never by the product): the
 * cases it assembles equal the generator's expected cases, and its dead letters are the injected malformed
 * records.
 */
class DemoCohortIT {

    static final String SITE = "hospital-a";

    @TempDir
    static Path work;

    static PipelineRun run;
    static StoreConnection store;
    /** Resources truth lists as rejected although they are well formed (see {@link #stillMalformed}). */
    static Set<String> wellFormedButListed = Set.of();

    @BeforeAll
    static void generateAndRun() throws Exception {
        new CohortGenerator(FhirContext.forR4Cached())
                .generate(new CohortSettings(List.of(SITE), 30, 11L, work.resolve("cohort")), () -> { });
        store = new StoreConnection("jdbc:h2:file:" + work.resolve("db/" + SITE).toAbsolutePath(), "sa", "");
        PipelineSettings settings = new PipelineSettings(work.resolve("cohort").resolve(SITE), SITE,
                ("tumorboard-demo-secret-" + SITE).getBytes(StandardCharsets.UTF_8), work.resolve("out"), store,
                "demo-run", null, Duration.ofMinutes(1), 2, Duration.ofSeconds(1), null, null);
        run = new PipelineRunner(CaseRules.of(() -> new ClinicalRules()::evaluate)).runBounded(settings, n -> { });
        ObjectMapper json = new ObjectMapper();
        Path siteFolder = work.resolve("cohort").resolve(SITE);
        wellFormedButListed = Files.readAllLines(work.resolve("cohort/truth/" + SITE + "/rejections.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(l -> read(json, l)).filter(r -> !stillMalformed(siteFolder, r))
                .map(r -> resourceAt(siteFolder, r)).collect(Collectors.toSet());
    }

    private static String resourceAt(Path siteFolder, JsonNode rejection) {
        try {
            String line = Files.readAllLines(siteFolder.resolve(rejection.path("file").asText()),
                    StandardCharsets.ISO_8859_1).get((int) rejection.path("line").asLong() - 1);
            JsonNode resource = new ObjectMapper().readTree(line);
            return resource.path("resourceType").asText() + "/" + resource.path("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyExpectedCaseIsAssembledAsTheTruthDescribesIt() {
        List<PatientCase> expected = new CaseCodec(CaseCodec.UnknownFields.REJECT)
                .read(work.resolve("cohort/truth/" + SITE + "/expected-cases.jsonl"));
        try (CaseStore cases = store.open()) {
            Map<String, PatientCase> actual = cases.currentCases(SITE).stream()
                    .collect(Collectors.toMap(PatientCase::caseKey, Function.identity()));
            assertThat(actual.keySet()).isEqualTo(expected.stream().map(PatientCase::caseKey)
                    .collect(Collectors.toSet()));
            assertThat(expected).as("resections and neoadjuvant therapy in truth")
                    .anyMatch(c -> !c.treatments().isEmpty());
            for (PatientCase truth : expected) {
                assertThat(comparable(actual.get(truth.caseKey()))).as(truth.caseKey()).isEqualTo(comparable(truth));
            }
        }
    }

    @Test
    void theClinicalRulesRanOnEveryCaseAndTheirFlagsTravelWithIt() {
        ClinicalRules rules = new ClinicalRules();
        try (CaseStore cases = store.open()) {
            List<PatientCase> current = cases.currentCases(SITE);
            assertThat(current).isNotEmpty().allSatisfy(c ->
                    assertThat(c.flags()).isEqualTo(rules.evaluate(c.withFlags(List.of()))));
            assertThat(current).anyMatch(c -> !c.flags().isEmpty());
        }
    }

    @Test
    void deadLettersAreExactlyTheInjectedMalformedRecords() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path siteFolder = work.resolve("cohort").resolve(SITE);
        Set<String> injected = Files.readAllLines(work.resolve("cohort/truth/" + SITE + "/rejections.jsonl")).stream()
                .filter(l -> !l.isBlank())
                .map(l -> read(json, l))
                .filter(r -> stillMalformed(siteFolder, r))
                .map(r -> r.path("file").asText() + ":" + r.path("line").asLong())
                .collect(Collectors.toSet());
        try (CaseStore cases = store.open()) {
            Set<String> rejected = cases.deadLetters("demo-run").stream()
                    .map(l -> l.sourceFile() + ":" + l.lineNumber()).collect(Collectors.toSet());
            assertThat(rejected).isEqualTo(injected);
            assertThat(cases.deadLetters("demo-run")).extracting(DeadLetter::reason).allSatisfy(reason ->
                    assertThat(reason).containsPattern("line \\d+"));
        }
        assertThat(run.reconciles()).isTrue();
    }

    /**
     * The generator's UNKNOWN_CODE injection can miss its target (it picks a line matching {@code -category"},
     * which also matches the observation-category system of a smoking status, then finds no T/N/M code to
     * corrupt) and leaves a well-formed record behind while truth still lists it. Such an entry is recognised by
     * its own claim: the code it names is not in the line. Reported to the cohort's owner.
     */
    static boolean stillMalformed(Path siteFolder, JsonNode rejection) {
        if (!"UNKNOWN_CODE".equals(rejection.path("kind").asText())) {
            return true;
        }
        String reason = rejection.path("reason").asText();
        String code = reason.replaceFirst("^unknown code: (\\S+) .*$", "$1");
        try {
            List<String> lines = Files.readAllLines(siteFolder.resolve(rejection.path("file").asText()),
                    StandardCharsets.ISO_8859_1);
            // The code may carry its c/p/y prefix in the record ("pT5" for "T5").
            return lines.get((int) rejection.path("line").asLong() - 1)
                    .matches("(?s).*\"[cpy]{0,2}" + java.util.regex.Pattern.quote(code) + "\".*");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What truth models: everything but the version number (the pipeline numbers versions by fragments folded
     * in), the facts read from report text (truth does not extract), and the tumour-size observations the
     * pipeline keeps among the labs (truth leaves them out of the case), and the resources truth wrongly lists as
     * rejected.
     */
    static PatientCase comparable(PatientCase c) {
        var clinical = c.clinical();
        List<LabResult> labs = clinical.labs().stream().filter(l -> !"21889-1".equals(l.loincCode()))
                .filter(l -> !wellFormedButListed.contains(l.source().reference())).toList();
        var studies = c.imaging().stream().map(s -> new io.tumorboard.model.cases.ImagingStudy(s.studyId(), s.date(),
                s.modality(), s.radiomics(), s.reportText(), List.of(), s.lesions(), s.documentedResponse(),
                s.source())).toList();
        var reports = c.pathology().stream().map(p -> new io.tumorboard.model.cases.PathologyReport(p.reportId(),
                p.date(), p.text(), List.of(), p.source())).toList();
        var staging = c.staging().stream().filter(st -> !wellFormedButListed.contains(st.source().reference()))
                .toList();
        return new PatientCase(c.schemaVersion(), c.caseKey(), c.site(), 0, c.assembledAt(), c.demographics(),
                c.primaryCancer(), staging, studies, reports, c.treatments(),
                new io.tumorboard.model.cases.ClinicalFacts(clinical.ecog(), clinical.smoking(), clinical.packYears(),
                        labs, clinical.allergies(), clinical.devices(), clinical.plannedImaging(), clinical.pregnant()),
                c.outcome(), c.modalities(), List.of(), c.extensions());
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theMrnNeverLeavesTheJobExceptIntoTheDisplayIdentityTable() throws Exception {
        String key = PatientKey.demo(SITE).of("A1000031");
        List<String> lines = new ArrayList<>();
        try (var files = Files.walk(work.resolve("out/cases"))) {
            for (Path part : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        List<String> mrns = Files.readAllLines(work.resolve("cohort").resolve(SITE).resolve("fhir/Patient.ndjson"))
                .stream().map(l -> l.replaceFirst(".*\"MR\".*?\"value\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(mrns).isNotEmpty();
        assertThat(lines).isNotEmpty().noneMatch(l -> mrns.stream().anyMatch(l::contains));
        assertThat(key).hasSize(32);
    }
}
