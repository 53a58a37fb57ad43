package io.tumorboard.model.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.CaseCodec.UnknownFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCodecTest {

    private final CaseCodec keeping = new CaseCodec(UnknownFields.KEEP);
    private final CaseCodec rejecting = new CaseCodec(UnknownFields.REJECT);

    static PatientCase fullCase() {
        LocalDate dx = LocalDate.of(2021, 3, 4);
        SourceRef condition = SourceRef.fhir("Condition/c1", dx);
        Map<String, Double> radiomics = new LinkedHashMap<>();
        radiomics.put("original_shape_Maximum3DDiameter", 41.5);
        radiomics.put("original_firstorder_Entropy", 4.2);
        radiomics.put("wavelet-LLH_glcm_Correlation", 0.31);
        return new PatientCase(CaseCodec.SCHEMA_VERSION, "pk-3f9a", "hospital-a", 3, Instant.parse("2021-04-01T10:00:00Z"),
                new Demographics("female", 67),
                new PrimaryCancer("C34.1", "Upper lobe of right lung", Laterality.RIGHT, "Adenocarcinoma", "8140/3", dx,
                        condition),
                List.of(new StageObservation(StageBasis.CLINICAL, StageDescriptor.T, "T2a", AjccEdition.EIGHTH, dx,
                                SourceRef.fhir("Observation/ct", dx)),
                        new StageObservation(StageBasis.PATHOLOGICAL, StageDescriptor.GROUP, "IB", AjccEdition.EIGHTH,
                                dx.plusDays(30), SourceRef.fhir("Observation/pg", dx.plusDays(30)))),
                List.of(new ImagingStudy("st1", dx.minusDays(10), "CT", radiomics, "Right upper lobe mass 4.1 cm.",
                        List.of(new ExtractedFact(ExtractedFact.ReportField.TUMOR_SIZE_MM, "41", 24, 30, false)),
                        List.of(new LesionMeasurement("L1", "lung", false, 41.0, false)), null,
                        new SourceRef(SourceRef.SourceKind.RADIOMICS_TABLE, "radiomics/st1.csv#2", dx.minusDays(10)))),
                List.of(new PathologyReport("pr1", dx.plusDays(30), "No lymphovascular invasion identified.",
                        List.of(new ExtractedFact(ExtractedFact.ReportField.LYMPHOVASCULAR_INVASION, "PRESENT", 3, 27,
                                true)),
                        SourceRef.fhir("DiagnosticReport/pr1", dx.plusDays(30)))), List.of(),
                new ClinicalFacts(1, SmokingStatus.FORMER, 30.0,
                        List.of(new LabResult("62238-1", "eGFR", 52.0, "mL/min/{1.73_m2}", dx, null)),
                        List.of(new Allergy(null, "Iodinated contrast media", "urticaria", "moderate", dx, null)),
                        List.of(new ImplantedDevice("Cardiac pacemaker", null, MrSafety.MR_CONDITIONAL, false, null)),
                        List.of(new PlannedImaging("MRI brain", "MR", false, true, false, dx.plusDays(40), null)),
                        false),
                new Outcome(812, true, dx.plusDays(812)),
                null,
                List.of(new CaseFlag(FlagType.CONTRAST_ALLERGY, Severity.CRITICAL, "contrast", "Prior reaction",
                        List.of(new Evidence("allergy", "Iodinated contrast media", condition)), "SAFE-CONTRAST-1",
                        "ACR Manual on Contrast Media (2024)")),
                null);
    }

    @Test
    void aCaseSurvivesTheRoundTripUnchanged() {
        PatientCase original = fullCase();
        assertThat(keeping.decode(keeping.encode(original), 2)).isEqualTo(original);
    }

    @Test
    void modalityPresenceIsDerivedWhenNotStatedAndKeptWhenStated() {
        PatientCase derived = fullCase();
        assertThat(derived.modalities()).isEqualTo(new ModalityPresence(true, true, true));
        String encoded = keeping.encode(derived);
        assertThat(encoded).contains("\"modalities\":{\"imaging\":true,\"pathology\":true,\"clinical\":true}");
    }

    @Test
    void aFileRoundTripsBehindItsHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cases.jsonl");
        keeping.write(file, List.of(fullCase(), fullCase()));
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("{\"format\":\"tumorboard.cases\",\"schemaVersion\":\"" + CaseCodec.SCHEMA_VERSION + "\"}");
        assertThat(keeping.read(file)).containsExactly(fullCase(), fullCase());
    }

    @Test
    void unknownTopLevelFieldsFromANewerMinorVersionAreKeptAndWrittenBack() {
        String newer = keeping.encode(fullCase()).replaceFirst("\\{", "{\"genomics\":{\"tmb\":12.5},");
        PatientCase decoded = keeping.decode(newer, 7);
        assertThat(decoded.extensions()).containsEntry("genomics", Map.of("tmb", 12.5));
        assertThat(keeping.encode(decoded)).contains("\"genomics\":{\"tmb\":12.5}");
    }

    @Test
    void unknownTopLevelFieldsAreRejectedByAStrictReaderNamingTheFieldAndLine() {
        String newer = keeping.encode(fullCase()).replaceFirst("\\{", "{\"genomics\":{},");
        assertThatThrownBy(() -> rejecting.decode(newer, 7))
                .isInstanceOf(CaseFormatException.class)
                .hasMessageContaining("case line 7")
                .hasMessageContaining("unknown field 'genomics'");
    }

    @Test
    void unknownNestedFieldsAreNeverDroppedSilently() {
        String nested = keeping.encode(fullCase()).replace("\"sex\":\"female\"", "\"sex\":\"female\",\"race\":\"x\"");
        assertThatThrownBy(() -> keeping.decode(nested, 3))
                .isInstanceOf(CaseFormatException.class)
                .hasMessageContaining("case line 3")
                .hasMessageContaining("race");
    }

    @Test
    void aHeaderOfAnotherMajorVersionIsRefused() {
        assertThatThrownBy(() -> keeping.checkHeader("{\"format\":\"tumorboard.cases\",\"schemaVersion\":\"2.0\"}"))
                .isInstanceOf(CaseFormatException.class)
                .hasMessageContaining("schema version 2.0");
        assertThat(keeping.checkHeader("{\"format\":\"tumorboard.cases\",\"schemaVersion\":\"1.4\"}")).isEqualTo("1.4");
    }

    @Test
    void brokenJsonNamesItsLine() {
        assertThatThrownBy(() -> keeping.decode("{\"caseKey\":", 12))
                .isInstanceOf(CaseFormatException.class)
                .hasMessageStartingWith("case line 12: broken JSON");
    }

    @Test
    void aCaseWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> keeping.decode("{\"site\":\"a\",\"caseVersion\":1}", 4))
                .isInstanceOf(CaseFormatException.class)
                .hasMessageContaining("caseKey");
    }

    @Test
    void editionsAreReadFromTheirSnomedCodes() {
        assertThat(AjccEdition.fromSnomed("443830009")).isEqualTo(AjccEdition.SEVENTH);
        assertThat(AjccEdition.fromSnomed("897275008")).isEqualTo(AjccEdition.EIGHTH);
        assertThat(AjccEdition.fromSnomed("1269566009")).isEqualTo(AjccEdition.NINTH);
        assertThat(AjccEdition.fromSnomed("12345")).isEqualTo(AjccEdition.UNKNOWN);
        assertThat(AjccEdition.fromSnomed(null)).isEqualTo(AjccEdition.UNKNOWN);
    }
}
