package io.tumorboard.board.export;

import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Annotation;
import java.time.ZoneOffset;

/**
 * Builds the FHIR R4 bundle of one decision. The patient appears only under the pseudonymous key (an identifier
 * in the site's key system), never with a display identity.
 */
final class DecisionFhir {

    static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    static final String KEY_SYSTEM = "urn:tumorboard:case-key";
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String AJCC = "http://cancerstaging.org";

    /** mCODE TNM Observation codes (LOINC), clinical and pathological, per descriptor. */
    private static final Map<StageDescriptor, String[]> LOINC_CODES = Map.of(
            StageDescriptor.T, new String[] {"21905-5", "21899-0", "mcode-tnm-primary-tumor-category"},
            StageDescriptor.N, new String[] {"21906-3", "21900-6", "mcode-tnm-regional-nodes-category"},
            StageDescriptor.M, new String[] {"21907-1", "21901-4", "mcode-tnm-distant-metastases-category"},
            StageDescriptor.GROUP, new String[] {"21908-9", "21902-2", "mcode-tnm-stage-group"});

    private DecisionFhir() {
    }

    static Bundle bundle(PatientCase c, BoardDecision decision) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        String patientUrl = "urn:uuid:patient-" + c.caseKey();
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem(KEY_SYSTEM).setValue(c.caseKey()));
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient);

        ClinicalImpression impression = new ClinicalImpression()
                .setStatus(decision.signed() ? ClinicalImpression.ClinicalImpressionStatus.COMPLETED
                        : ClinicalImpression.ClinicalImpressionStatus.INPROGRESS)
                .setSubject(new Reference(patientUrl))
                .setDescription("Tumor board decision, meeting " + decision.meetingId() + ", revision "
                        + decision.revision() + (decision.signed() ? ", signed by " + decision.signedBy() : ", DRAFT"))
                .setSummary(decision.content().rationale());
        impression.setDateElement(new DateTimeType(Date.from(decision.updatedAt())));
        int n = 0;
        for (StageObservation stage : c.staging()) {
            if (stage.basis() == StageBasis.POST_THERAPY) {
                continue;
            }
            String url = "urn:uuid:stage-" + (n++) + "-" + c.caseKey();
            bundle.addEntry().setFullUrl(url).setResource(stageObservation(stage, patientUrl));
            impression.addInvestigation().setCode(new CodeableConcept().setText("staging")).addItem(new Reference(url));
        }
        String impressionUrl = "urn:uuid:impression-" + decision.id();
        bundle.addEntry().setFullUrl(impressionUrl).setResource(impression);
        bundle.addEntry().setFullUrl("urn:uuid:careplan-" + decision.id())
                .setResource(carePlan(decision, patientUrl, impressionUrl));
        return bundle;
    }

    static Observation stageObservation(StageObservation stage, String patientUrl) {
        String[] codes = LOINC_CODES.get(stage.descriptor());
        boolean clinical = stage.basis() == StageBasis.CLINICAL;
        Observation obs = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        obs.getMeta().addProfile(MCODE + codes[2]);
        obs.setCode(new CodeableConcept(new Coding(LOINC, clinical ? codes[0] : codes[1], null)));
        obs.setSubject(new Reference(patientUrl));
        String prefix = clinical ? "c" : "p";
        String value = stage.descriptor() == StageDescriptor.GROUP ? stage.value() : prefix + stage.value();
        obs.setValue(new CodeableConcept(new Coding(AJCC, value, null)));
        stage.edition().snomedCode().ifPresent(code -> obs.setMethod(
                new CodeableConcept(new Coding(SNOMED, code, "AJCC " + stage.edition().label() + " edition"))));
        if (stage.date() != null) {
            obs.setEffective(new DateTimeType(Date.from(stage.date().atStartOfDay().toInstant(ZoneOffset.UTC))));
        }
        if (stage.source() != null) {
            obs.addDerivedFrom(new Reference().setDisplay(stage.source().reference()));
        }
        return obs;
    }

    private static CarePlan carePlan(BoardDecision decision, String patientUrl, String impressionUrl) {
        DecisionContent content = decision.content();
        CarePlan plan = new CarePlan()
                .setStatus(decision.signed() ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.DRAFT)
                .setIntent(CarePlan.CarePlanIntent.PLAN)
                .setSubject(new Reference(patientUrl))
                .setTitle("Tumor board recommendation: " + content.modality().name().toLowerCase().replace('_', ' '))
                .setDescription(content.rationale());
        plan.addCategory(new CodeableConcept(new Coding(SNOMED, content.intent().snomedCode(),
                content.intent().display())));
        plan.addAddresses(new Reference(impressionUrl));
        plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED)
                .setCode(new CodeableConcept().setText(content.modality().name()))
                .setDescription(content.guidelineReference());
        plan.addNote(new Annotation().setText("Attendees: " + content.attendees()));
        plan.addNote(new Annotation().setText("Agreement: " + content.agreement()
                + (content.dissent() == null ? "" : " — " + content.dissent())));
        if (content.followUp() != null) {
            plan.addNote(new Annotation().setText("Follow-up: " + content.followUp()));
        }
        return plan;
    }
}
