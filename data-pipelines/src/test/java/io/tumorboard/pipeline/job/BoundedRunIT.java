package io.tumorboard.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.casestore.CaseStore;
import io.tumorboard.model.casestore.DeadLetter;
import io.tumorboard.model.casestore.PipelineRun;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.sink.StoreConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded job end to end on a small hand-written export with every kind of bad record in it. */
class BoundedRunIT {

    static final Path SITE = Path.of("src/test/resources/export/site-a");

    @TempDir
    static Path work;

    static PipelineRun run;
    static StoreConnection store;

    @BeforeAll
    static void runTheJobOnce() throws Exception {
        store = new StoreConnection("jdbc:h2:file:" + work.resolve("casestore/site-a").toAbsolutePath(), "sa", "");
        run = new PipelineRunner(contrastAllergyMarker()).runBounded(settings(work, "run-1"), n -> { });
    }

    static PipelineSettings settings(Path out, String runId) {
        return new PipelineSettings(SITE, "site-a", ("tumorboard-demo-secret-site-a").getBytes(StandardCharsets.UTF_8),
                out.resolve("out"), store, runId, null, Duration.ofMinutes(1), 2, Duration.ofSeconds(1), null, null);
    }

    /** A stand-in rule so the test can see that the rules ran on each version and their flags travel with it. */
    static CaseRules contrastAllergyMarker() {
        return CaseRules.of(() -> c -> c.clinical().allergies().isEmpty() ? List.of()
                : List.of(new CaseFlag(FlagType.CONTRAST_ALLERGY, Severity.CRITICAL, "allergy", "test marker",
                List.of(), "TEST", "test")));
    }

    @Test
    void countsReconcileWithEveryRecordAccountedFor() {
        assertThat(run.recordsIn()).isEqualTo(46);
        assertThat(run.accepted()).isEqualTo(27);
        assertThat(run.rejected()).isEqualTo(12);
        assertThat(run.skippedTotal()).isEqualTo(7);
        assertThat(run.reconciles()).isTrue();
        assertThat(run.skipped()).containsEntry("unknown FHIR resource type: FooBar", 1L)
                .containsEntry("FHIR resource type not used by the case: Encounter", 1L)
                .containsEntry("blank line", 1L)
                .containsEntry("Procedure not performed (status not-done)", 1L)
                .containsEntry("MedicationAdministration not given (status not-done)", 1L)
                .containsEntry("MedicationRequest never given (status cancelled)", 1L);
        assertThat(run.casesWritten()).isEqualTo(2);
    }

    @Test
    void everyMalformedKindEndsInADeadLetterNamingItsRecord() {
        try (CaseStore cases = store.open()) {
            List<DeadLetter> letters = cases.deadLetters("run-1");
            Map<String, List<String>> byCode = letters.stream().collect(Collectors.groupingBy(DeadLetter::reasonCode,
                    Collectors.mapping(l -> l.sourceFile() + ":" + l.lineNumber(), Collectors.toList())));
            assertThat(byCode).containsOnlyKeys("BROKEN_JSON", "INVALID_FHIR", "UNKNOWN_CODE", "MISSING_PATIENT",
                    "DUPLICATE", "NOT_UTF8", "NON_NUMERIC_FEATURE", "BAD_FILE_NAME", "BAD_VALUE", "MISSING_FIELD");
            assertThat(byCode.get("MISSING_PATIENT")).containsExactlyInAnyOrder("fhir/Observation.ndjson:13",
                    "radiomics/features.csv:5");
            assertThat(byCode.get("DUPLICATE")).containsExactly("fhir/Observation.ndjson:14");
            assertThat(byCode.get("BAD_VALUE")).containsExactlyInAnyOrder("fhir/Procedure.ndjson:4",
                    "fhir/MedicationAdministration.ndjson:4");
            assertThat(byCode.get("MISSING_FIELD")).containsExactly("fhir/MedicationRequest.ndjson:3");
            assertThat(letters).allSatisfy(l -> assertThat(l.reason()).contains(l.sourceFile() + " line "
                    + l.lineNumber()));
            DeadLetter notUtf8 = letters.stream().filter(l -> l.reasonCode().equals("NOT_UTF8")).findFirst()
                    .orElseThrow();
            assertThat(Base64.getDecoder().decode(notUtf8.rawBase64())).contains((byte) 0xe9);
        }
    }

    @Test
    void eachPatientBecomesOneCaseWithAllModalitiesFused() {
        String p1 = PatientKey.demo("site-a").of("MRN001");
        try (CaseStore cases = store.open()) {
            PatientCase c = cases.currentCases("site-a").stream().filter(x -> x.caseKey().equals(p1)).findFirst()
                    .orElseThrow();
            assertThat(c.caseVersion()).isEqualTo(18);
            assertThat(c.modalities().imaging()).isTrue();
            assertThat(c.modalities().pathology()).isTrue();
            assertThat(c.primaryCancer().topographyCode()).isEqualTo("C34.1");
            assertThat(c.primaryCancer().morphologyCode()).isEqualTo("8140/3");
            assertThat(c.demographics().ageAtDiagnosisYears()).isEqualTo(67);
            assertThat(c.staging()).extracting(s -> s.descriptor() + "=" + s.value())
                    .containsExactlyInAnyOrder("T=T2a", "N=N0", "M=M0", "GROUP=IB");
            assertThat(c.clinical().ecog()).isEqualTo(1);
            assertThat(c.clinical().labs()).extracting(l -> l.loincCode() + "=" + l.value())
                    .containsExactlyInAnyOrder("62238-1=55.0", "21889-1=32.0");
            ImagingStudy study = c.imaging().get(0);
            assertThat(study.radiomics()).containsOnlyKeys("original_shape_MeshVolume", "original_firstorder_Mean");
            assertThat(study.reportText()).contains("spiculated mass");
            assertThat(study.modality()).isEqualTo("CT");
            assertThat(c.pathology().get(0).facts()).extracting(f -> f.field() + "=" + f.value())
                    .contains("PATHOLOGICAL_T=T2a", "HISTOLOGY=Adenocarcinoma, acinar", "EGFR=POSITIVE",
                            "PLEURAL_INVASION=PRESENT", "PDL1_TPS=60");
            assertThat(c.flags()).extracting(CaseFlag::type).containsExactly(FlagType.CONTRAST_ALLERGY);
            assertThat(cases.displayIdentity(p1)).contains("MRN001");
        }
    }

    @Test
    void proceduresBecomeTreatmentsWithTheirKindDatesAndSource() {
        try (CaseStore cases = store.open()) {
            Map<String, PatientCase> byKey = cases.currentCases("site-a").stream()
                    .collect(Collectors.toMap(PatientCase::caseKey, c -> c));
            PatientCase p1 = byKey.get(PatientKey.demo("site-a").of("MRN001"));
            assertThat(p1.treatments()).extracting(t -> t.kind() + " " + t.code() + " " + t.display() + " "
                    + t.start() + ".." + t.end() + " " + t.source().reference()).containsExactly(
                    "OTHER BR-17 Flexible bronchoscopy 2024-02-20..2024-02-20 Procedure/proc-2",
                    "SURGERY 173171007 Lobectomy of lung 2024-03-08..null Procedure/proc-1");
            PatientCase p2 = byKey.get(PatientKey.demo("site-a").of("MRN002"));
            assertThat(p2.treatments()).filteredOn(t -> t.kind() == Treatment.TreatmentKind.RADIOTHERAPY)
                    .singleElement().satisfies(t -> {
                        assertThat(t.code()).isNull();
                        assertThat(t.display()).isEqualTo("Thoracic radiotherapy 60 Gy in 30 fractions");
                        assertThat(t.end()).isEqualTo("2024-06-12");
                    });
        }
    }

    @Test
    void medicationAdministrationsAndRequestsBecomeSystemicTherapyWithTheirRxNormCodes() {
        try (CaseStore cases = store.open()) {
            PatientCase p2 = cases.currentCases("site-a").stream()
                    .filter(c -> c.caseKey().equals(PatientKey.demo("site-a").of("MRN002"))).findFirst().orElseThrow();
            assertThat(p2.treatments()).filteredOn(t -> t.kind() == Treatment.TreatmentKind.SYSTEMIC_THERAPY)
                    .extracting(t -> t.code() + " " + t.display() + " " + t.start() + ".." + t.end() + " "
                            + t.source().reference())
                    .containsExactlyInAnyOrder(
                            "40048 carboplatin 2024-04-01..2024-04-01 MedicationAdministration/ma-1",
                            "68446 pemetrexed 2024-04-01..null MedicationAdministration/ma-3",
                            "1547545 Pembrolizumab 200 mg every 3 weeks 2024-07-01..2024-12-31 MedicationRequest/mr-1");
        }
    }

    @Test
    void aCaseWithoutImagingSaysSoAndKeepsItsTextFacts() {
        String p2 = PatientKey.demo("site-a").of("MRN002");
        try (CaseStore cases = store.open()) {
            PatientCase c = cases.currentCases("site-a").stream().filter(x -> x.caseKey().equals(p2)).findFirst()
                    .orElseThrow();
            assertThat(c.staging()).singleElement().satisfies(s -> {
                assertThat(s.descriptor()).isEqualTo(StageDescriptor.T);
                assertThat(s.value()).isEqualTo("T2");
            });
            assertThat(c.pathology().get(0).facts()).extracting(f -> f.field() + "=" + f.value() + ":" + f.negated())
                    .contains("LYMPHOVASCULAR_INVASION=ABSENT:true", "MARGIN=NEGATIVE:true",
                            "HISTOLOGY=Infiltrating duct carcinoma:false");
            assertThat(c.pathology().get(0).facts()).anyMatch(f -> f.field() == ReportField.TUMOR_SIZE_MM
                    && f.value().equals("21"));
            assertThat(c.flags()).isEmpty();
        }
    }

    @Test
    void theCaseDatasetIsCompleteCaseFilesWithoutAnyMrn() throws Exception {
        List<Path> parts;
        try (Stream<Path> files = Files.walk(work.resolve("out/cases"))) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList();
        }
        List<PatientCase> all = new ArrayList<>();
        for (Path part : parts) {
            all.addAll(new CaseCodec(CaseCodec.UnknownFields.REJECT).read(part));
            assertThat(Files.readString(part)).doesNotContain("MRN00");
        }
        assertThat(all).hasSize(2);
        try (Stream<Path> files = Files.walk(work.resolve("out/dead-letters"))) {
            long lines = 0;
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                lines += Files.readAllLines(p).size();
            }
            assertThat(lines).isEqualTo(12);
        }
    }

    @Test
    void aSecondRunOfTheSameExportAddsNoCaseVersions() throws Exception {
        try (CaseStore cases = store.open()) {
            long before = cases.storedVersionCount("site-a");
            PipelineRun again = new PipelineRunner(contrastAllergyMarker()).runBounded(settings(work.resolve("again"),
                    "run-2"), n -> { });
            assertThat(again.reconciles()).isTrue();
            assertThat(cases.storedVersionCount("site-a")).isEqualTo(before);
        }
    }
}
