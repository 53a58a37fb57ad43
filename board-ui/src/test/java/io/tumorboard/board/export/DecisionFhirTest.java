package io.tumorboard.board.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.tumorboard.board.decision.Agreement;
import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.board.decision.DecisionStatus;
import io.tumorboard.board.decision.TreatmentIntent;
import io.tumorboard.board.decision.TreatmentModality;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.model.cases.PatientCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionFhirTest {

    private static final Path MCODE_FIXTURE = Path.of("../../shared/reference-data/fhir-mcode-examples/csv-staging-bundle.json");
    private static FhirContext fhir;
    private static PatientCase patientCase;
    private static Bundle reparsed;

    @BeforeAll
    static void exportAndReparse() {
        fhir = FhirContext.forR4();
        patientCase = DemoCases.all().get(0).patientCase();
        BoardDecision decision = new BoardDecision(7, 3, patientCase.caseKey(), 2, 1, DecisionStatus.SIGNED,
                new DecisionContent(TreatmentIntent.CURATIVE, TreatmentModality.ADJUVANT_SYSTEMIC_THERAPY,
                        "NCCN NSCLC v5.2026, NSCL-4", "pN2 at resection; EGFR exon 19 deletion",
                        "Dr. A (oncology), Dr. B (surgery)", Agreement.CONSENSUS, null, "CT chest in 3 months"),
                "member", Instant.parse("2026-11-25T10:00:00Z"), "chair", Instant.parse("2026-11-25T10:05:00Z"));
        String json = fhir.newJsonParser().encodeResourceToString(DecisionFhir.bundle(patientCase, decision));
        reparsed = fhir.newJsonParser().parseResource(Bundle.class, json);
    }

    private static <T extends Resource> List<T> resources(Class<T> type) {
        return reparsed.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyStageObservationCarriesItsAjccEditionAsMethod() {
        List<Observation> stages = resources(Observation.class);
        assertThat(stages).hasSize(patientCase.staging().size());
        assertThat(stages).allSatisfy(obs -> {
            assertThat(obs.getMethod().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
            assertThat(obs.getMethod().getCodingFirstRep().getCode()).isEqualTo("897275008");
            assertThat(obs.getMeta().getProfile().get(0).getValue()).startsWith(DecisionFhir.MCODE + "mcode-tnm-");
        });
    }

    @Test
    void clinicalAndPathologicalNodesUseTheirOwnLoincCodesAndPrefixedValues() {
        List<Observation> n = resources(Observation.class).stream()
                .filter(o -> o.getMeta().getProfile().get(0).getValue().endsWith("regional-nodes-category")).toList();
        assertThat(n).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("21906-3", "21900-6");
        assertThat(n).extracting(o -> ((CodeableConcept) o.getValue()).getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("cN0", "pN2");
    }

    @Test
    void theRecommendationIsAnActiveCarePlanWithTheSnomedIntentAndTheGuideline() {
        CarePlan plan = resources(CarePlan.class).get(0);
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("373808002");
        assertThat(plan.getActivityFirstRep().getDetail().getDescription()).isEqualTo("NCCN NSCLC v5.2026, NSCL-4");
        ClinicalImpression impression = resources(ClinicalImpression.class).get(0);
        assertThat(impression.getStatus()).isEqualTo(ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
        assertThat(impression.getSummary()).contains("pN2");
    }

    @Test
    void thePatientAppearsOnlyUnderItsPseudonymousKey() {
        Patient patient = resources(Patient.class).get(0);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(patientCase.caseKey());
        assertThat(patient.getName()).isEmpty();
        assertThat(fhir.newJsonParser().encodeResourceToString(reparsed)).doesNotContain("MRN-");
    }

    @Test
    void clinicalTObservationsMatchTheShapeOtherMcodeToolsWrite() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(MCODE_FIXTURE),
                "shared reference data not found at " + MCODE_FIXTURE + " (a fresh clone has no ../shared)");
        Bundle fixture = fhir.newJsonParser().parseResource(Bundle.class, Files.readString(MCODE_FIXTURE));
        Observation theirs = fixture.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast)
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("21905-5")).findFirst().orElseThrow();
        Observation ours = resources(Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("21905-5")).findFirst().orElseThrow();
        assertThat(ours.getMeta().getProfile().get(0).getValue())
                .isEqualTo(theirs.getMeta().getProfile().get(0).getValue());
        assertThat(((CodeableConcept) ours.getValue()).getCodingFirstRep().getSystem())
                .isEqualTo(((CodeableConcept) theirs.getValue()).getCodingFirstRep().getSystem());
        assertThat(ours.getMethod().getCodingFirstRep().getSystem())
                .isEqualTo(theirs.getMethod().getCodingFirstRep().getSystem());
    }
}
