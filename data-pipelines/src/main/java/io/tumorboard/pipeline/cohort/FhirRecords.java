package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.SmokingStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Builds one patient's FHIR R4 resources from its documentation, in the shape mCODE and US Core give them:
 * TNM as separate T, N, M and stage-group Observations with the AJCC edition in {@code method}, values in the
 * AJCC code system (http://cancerstaging.org) as the mCODE fixtures write them ({@code cT2a}, {@code 3A}).
 */
final class FhirRecords {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String AJCC = "http://cancerstaging.org";
    static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    /** NCI Thesaurus, the code system of FHIR R4's device-safety value set (ASTM F2503 terms). */
    static final String NCI_THESAURUS = "urn:oid:2.16.840.1.113883.3.26.1.1";
    static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    /** Last contact of a living patient; FHIR R4 Patient has no element for it. */
    static final String LAST_CONTACT_EXTENSION = "http://tumorboard.io/fhir/StructureDefinition/last-contact-date";

    private final SiteProfile site;

    FhirRecords(SiteProfile site) {
        this.site = site;
    }

    /** The resources, in $export order within each type; pathology text is null where it goes to a file. */
    List<Resource> build(LatentPatient p, Documentation d, String radiologyText, String pathologyText) {
        ResourceIds ids = new ResourceIds(p);
        Reference subject = new Reference("Patient/" + ids.patient());
        List<Resource> out = new ArrayList<>();
        out.add(patient(p, ids));
        out.add(condition(p, d, ids, subject));
        AjccEdition edition = p.documentedEdition();
        out.addAll(staging(ids, subject, 'c', d.clinical(), edition, d.clinicalDate()));
        if (d.pathological() != null) {
            out.addAll(staging(ids, subject, 'p', d.pathological(), edition, p.surgeryDate()));
        }
        Observation ecog = observation(ids.ecog(), subject, "89247-1", "ECOG Performance Status score",
                p.diagnosisDate(), "survey");
        ecog.setValue(new IntegerType(p.ecog()));
        out.add(ecog);
        out.add(smoking(p, ids, subject));
        Observation egfr = observation(ids.egfr(), subject, "62238-1",
                "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by"
                        + " Creatinine-based formula (CKD-EPI)", p.egfrDate(), "laboratory");
        egfr.setValue(quantity(d.egfr(), "mL/min/{1.73_m2}"));
        out.add(egfr);
        if (d.pregnant() != null) {
            // US Core's pregnancy status: LOINC 82810-3 with a SNOMED CT finding, the day the eGFR was drawn.
            Observation pregnancy = observation(ids.pregnancyStatus(), subject, "82810-3", "Pregnancy status",
                    p.egfrDate(), "social-history");
            pregnancy.setValue(new CodeableConcept(d.pregnant()
                    ? new Coding(SNOMED, "77386006", "Pregnant")
                    : new Coding(SNOMED, "60001007", "Not pregnant")));
            out.add(pregnancy);
        }
        if (p.hasImaging()) {
            Observation size = observation(ids.tumorSize(), subject, "21889-1", "Size Tumor", p.stagingCtDate(),
                    "imaging");
            size.setValue(site.sizeInCm() ? quantity(d.imagingSizeMm() / 10.0, "cm")
                    : quantity(d.imagingSizeMm(), "mm"));
            size.addDerivedFrom(new Reference("DiagnosticReport/" + ids.radiologyReport()));
            out.add(size);
            out.add(report(ids.radiologyReport(), subject, "RAD", "18748-4", "Diagnostic imaging study",
                    p.stagingCtDate(), radiologyText, ids.studyId()));
        }
        if (pathologyText != null) {
            out.add(report(ids.pathologyReport(), subject, "SP", "11526-1", "Pathology study",
                    p.pathologyReportDate(), pathologyText, null));
        }
        if (d.contrastReaction() != null) {
            out.add(allergy(p, d, ids, subject));
        }
        if (d.implant() != null) {
            out.add(device(d.implant(), ids, subject));
        }
        out.add(order(p, d.planned(), ids, subject));
        if (p.neoadjuvant()) {
            out.add(procedure(ids.neoadjuvant(), subject, "367336001", "Chemotherapy", p.neoadjuvantDate()));
        }
        if (p.surgery()) {
            out.add(procedure(ids.surgery(), subject, "173171007", "Lobectomy of lung", p.surgeryDate()));
        }
        return out;
    }

    private Patient patient(LatentPatient p, ResourceIds ids) {
        Patient patient = new Patient();
        patient.setId(ids.patient());
        patient.addIdentifier(new Identifier()
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR",
                        "Medical record number")))
                .setSystem("urn:tumorboard:" + site.site() + ":mrn")
                .setValue(p.mrn()));
        patient.setGender(AdministrativeGender.fromCode(p.sex()));
        patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        if (p.death()) {
            patient.setDeceased(new DateTimeType(p.lastKnownDate().toString()));
        } else {
            patient.addExtension(new Extension(LAST_CONTACT_EXTENSION, new DateType(p.lastKnownDate().toString())));
        }
        return patient;
    }

    private Condition condition(LatentPatient p, Documentation d, ResourceIds ids, Reference subject) {
        Condition condition = new Condition();
        condition.setId(ids.condition());
        condition.getMeta().addProfile(MCODE + "mcode-primary-cancer-condition");
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")));
        condition.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")));
        condition.setCode(new CodeableConcept(new Coding(SNOMED, "254637007", "Non-small cell lung cancer"))
                .setText("Non-small cell lung cancer"));
        Histology histology = d.conditionHistology();
        condition.addExtension(new Extension(MCODE + "mcode-histology-morphology-behavior",
                new CodeableConcept(new Coding(ICD_O_3, histology.icdO3(), histology.display()))));
        Laterality side = d.conditionLaterality();
        CodeableConcept bodySite = new CodeableConcept()
                .addCoding(new Coding(ICD_O_3, p.lobe().topography(), null))
                .addCoding(new Coding(SNOMED, p.lobe().snomed(), "Structure of " + p.lobe().words() + " of lung"))
                .setText(PathologyReportText.side(side, false) + " " + p.lobe().words() + " of lung");
        bodySite.addExtension(new Extension(MCODE + "mcode-laterality-qualifier", new CodeableConcept(
                side == Laterality.LEFT ? new Coding(SNOMED, "7771000", "Left") : new Coding(SNOMED, "24028007",
                        "Right"))));
        condition.addBodySite(bodySite);
        condition.setSubject(subject);
        condition.setOnset(new DateTimeType(p.diagnosisDate().toString()));
        condition.setRecordedDateElement(new DateTimeType(p.diagnosisDate().toString()));
        return condition;
    }

    private List<Observation> staging(ResourceIds ids, Reference subject, char basis, Documentation.Staging s,
            AjccEdition edition, LocalDate date) {
        boolean clinical = basis == 'c';
        String[][] rows = {
            {"T", clinical ? "21905-5" : "21899-0", "mcode-tnm-primary-tumor-category", basis + s.t()},
            {"N", clinical ? "21906-3" : "21900-6", "mcode-tnm-regional-nodes-category", basis + s.n()},
            {"M", clinical ? "21907-1" : "21901-4", "mcode-tnm-distant-metastases-category", basis + s.m()},
            {"G", clinical ? "21908-9" : "21902-2", "mcode-cancer-stage-group",
                LungStageGroups.ajccGroupCode(s.group())},
        };
        List<Observation> out = new ArrayList<>();
        for (String[] row : rows) {
            Observation o = observation(ids.stage(basis, row[0].charAt(0)), subject, row[1], null, date, "survey");
            o.getMeta().addProfile(MCODE + row[2]);
            o.setMethod(new CodeableConcept(new Coding(SNOMED, edition.snomedCode().orElseThrow(),
                    "American Joint Commission on Cancer, Cancer Staging Manual, " + edition.label() + " edition")));
            String display = row[0].equals("G") ? "Stage " + s.group() : null;
            o.setValue(new CodeableConcept(new Coding(AJCC, row[3], display)));
            o.addFocus(new Reference("Condition/" + ids.condition()));
            out.add(o);
        }
        Observation group = out.get(3);
        for (int i = 0; i < 3; i++) {
            group.addHasMember(new Reference("Observation/" + out.get(i).getIdElement().getIdPart()));
        }
        return out;
    }

    private Observation smoking(LatentPatient p, ResourceIds ids, Reference subject) {
        Observation o = observation(ids.smoking(), subject, "72166-2", "Tobacco smoking status", p.diagnosisDate(),
                "social-history");
        Coding value = switch (p.smoking()) {
            case CURRENT -> new Coding(SNOMED, "449868002", "Smokes tobacco daily");
            case FORMER -> new Coding(SNOMED, "8517006", "Ex-smoker");
            case NEVER -> new Coding(SNOMED, "266919005", "Never smoked tobacco");
            case UNKNOWN -> new Coding(SNOMED, "266927001", "Tobacco smoking consumption unknown");
        };
        o.setValue(new CodeableConcept(value));
        if (p.packYears() != null && p.smoking() != SmokingStatus.NEVER) {
            o.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "8664-5",
                    "Cigarettes smoked total (pack per year)")))
                    .setValue(quantity(p.packYears(), "{pack-years}"));
        }
        return o;
    }

    private static DiagnosticReport report(String id, Reference subject, String category, String loinc,
            String display, LocalDate date, String text, String studyId) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(id);
        if (studyId != null) {
            report.addIdentifier(new Identifier().setSystem("urn:tumorboard:imaging-study").setValue(studyId));
        }
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", category,
                category.equals("RAD") ? "Radiology" : "Surgical Pathology")));
        report.setCode(new CodeableConcept(new Coding(LOINC, loinc, display)));
        report.setSubject(subject);
        report.setEffective(new DateTimeType(date.toString()));
        // A string instant keeps its own zone: a Date would be printed in the JVM's zone and the bytes would vary.
        report.setIssuedElement(new InstantType(date + "T17:00:00Z"));
        int impression = text.toLowerCase(Locale.ROOT).indexOf("impression:");
        if (impression >= 0) {
            report.setConclusion(text.substring(impression + "impression:".length()).strip());
        }
        report.addPresentedForm(new Attachment().setContentType("text/plain")
                .setData(text.getBytes(StandardCharsets.UTF_8)).setTitle(display));
        return report;
    }

    private static AllergyIntolerance allergy(LatentPatient p, Documentation d, ResourceIds ids, Reference subject) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setId(ids.allergy());
        allergy.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")));
        allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        allergy.setCode(new CodeableConcept().setText("Iodinated contrast media"));
        allergy.setPatient(subject);
        allergy.setRecordedDateElement(new DateTimeType(p.diagnosisDate().minusYears(3).toString()));
        boolean anaphylaxis = d.contrastReaction().equals("Anaphylaxis");
        allergy.addReaction()
                .addManifestation(new CodeableConcept(anaphylaxis ? new Coding(SNOMED, "39579001", "Anaphylaxis")
                        : new Coding(SNOMED, "126485001", "Urticaria")))
                .setSeverity(anaphylaxis ? AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE
                        : AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
        return allergy;
    }

    private static Device device(Implant implant, ResourceIds ids, Reference subject) {
        Device device = new Device();
        device.setId(ids.device());
        device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
        device.setType(new CodeableConcept(new Coding(SNOMED, implant.snomed(), implant.type())));
        device.setPatient(subject);
        Coding safety = switch (implant.mrSafety()) {
            case MR_SAFE -> new Coding(NCI_THESAURUS, "C106045", "Magnetic Resonance Safe");
            case MR_CONDITIONAL -> new Coding(NCI_THESAURUS, "C106046", "Magnetic Resonance Conditional");
            case MR_UNSAFE -> new Coding(NCI_THESAURUS, "C106047", "Magnetic Resonance Unsafe");
            case UNKNOWN -> new Coding(NCI_THESAURUS, "C113844", "Labeling does not Contain MRI Safety Information");
        };
        device.addSafety(new CodeableConcept(safety));
        if (implant.conditions() != null && implant.mrSafety() == MrSafety.MR_CONDITIONAL) {
            device.addNote().setText(implant.conditions());
        }
        return device;
    }

    private static ServiceRequest order(LatentPatient p, PlannedStudy planned, ResourceIds ids, Reference subject) {
        ServiceRequest order = new ServiceRequest();
        order.setId(ids.plannedImaging());
        order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        order.addCategory(new CodeableConcept(new Coding(SNOMED, "363679005", "Imaging")));
        order.setCode(new CodeableConcept(new Coding(SNOMED, planned.snomed(), planned.snomedDisplay()))
                .setText(planned.description()));
        if (planned.iodinatedContrast()) {
            order.addOrderDetail(new CodeableConcept().setText("IV iodinated contrast"));
        } else if (planned.gadolinium()) {
            order.addOrderDetail(new CodeableConcept().setText("IV gadolinium-based contrast"));
        } else {
            order.addOrderDetail(new CodeableConcept().setText("no IV contrast"));
        }
        order.setSubject(subject);
        LocalDate when = p.plannedImagingDate();
        order.setOccurrence(new DateTimeType(when.toString()));
        order.setAuthoredOnElement(new DateTimeType(when.minusDays(14).toString()));
        return order;
    }

    private static Procedure procedure(String id, Reference subject, String snomed, String display, LocalDate date) {
        Procedure procedure = new Procedure();
        procedure.setId(id);
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setCode(new CodeableConcept(new Coding(SNOMED, snomed, display)));
        procedure.setSubject(subject);
        procedure.setPerformed(new DateTimeType(date.toString()));
        return procedure;
    }

    private static Observation observation(String id, Reference subject, String loinc, String display,
            LocalDate date, String category) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", category, null)));
        o.setCode(new CodeableConcept(new Coding(LOINC, loinc, display)));
        o.setSubject(subject);
        o.setEffective(new DateTimeType(date.toString()));
        return o;
    }

    private static Quantity quantity(double value, String ucum) {
        return new Quantity().setValue(value).setUnit(ucum).setSystem("http://unitsofmeasure.org").setCode(ucum);
    }
}
