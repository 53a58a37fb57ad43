package io.tumorboard.model.rules;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.Allergy;
import io.tumorboard.model.cases.ClinicalFacts;
import io.tumorboard.model.cases.Demographics;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.ImplantedDevice;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.LesionMeasurement;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.cases.Treatment.TreatmentKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A hand-made case, built step by step in tests; dates are days after a fixed diagnosis date. */
public final class CaseFixture {

    public static final LocalDate DAY0 = LocalDate.of(2024, 3, 1);

    private final String key;
    private PrimaryCancer primary;
    private Demographics demographics = new Demographics("male", 67);
    private final List<StageObservation> staging = new ArrayList<>();
    private final List<ImagingStudy> imaging = new ArrayList<>();
    private final List<PathologyReport> pathology = new ArrayList<>();
    private final List<LabResult> labs = new ArrayList<>();
    private final List<Allergy> allergies = new ArrayList<>();
    private final List<ImplantedDevice> devices = new ArrayList<>();
    private final List<PlannedImaging> planned = new ArrayList<>();
    private final List<Treatment> treatments = new ArrayList<>();
    private Boolean pregnant;
    private int ids;

    private CaseFixture(String key) {
        this.key = key;
    }

    public static CaseFixture patient(String key) {
        return new CaseFixture(key);
    }

    public static LocalDate day(int day) {
        return DAY0.plusDays(day);
    }

    private SourceRef ref(String type, int day) {
        return SourceRef.fhir(type + "/" + type.toLowerCase() + "-" + (++ids), day(day));
    }

    public CaseFixture primary(Laterality side, String bodySite, String histology, String morphology) {
        primary = new PrimaryCancer("C34.1", bodySite, side, histology, morphology, DAY0, ref("Condition", 0));
        return this;
    }

    public CaseFixture demographics(String sex, Integer age) {
        demographics = new Demographics(sex, age);
        return this;
    }

    public CaseFixture stage(StageBasis basis, StageDescriptor d, String value, AjccEdition edition, int day) {
        staging.add(new StageObservation(basis, d, value, edition, day(day), ref("Observation", day)));
        return this;
    }

    /** cT, cN, cM and the clinical group on one day. */
    public CaseFixture clinicalStage(String t, String n, String m, String group, AjccEdition edition, int day) {
        return tnm(StageBasis.CLINICAL, t, n, m, group, edition, day);
    }

    public CaseFixture pathologicalStage(String t, String n, String m, String group, AjccEdition edition, int day) {
        return tnm(StageBasis.PATHOLOGICAL, t, n, m, group, edition, day);
    }

    public CaseFixture tnm(StageBasis basis, String t, String n, String m, String group, AjccEdition edition, int day) {
        stage(basis, StageDescriptor.T, t, edition, day);
        stage(basis, StageDescriptor.N, n, edition, day);
        stage(basis, StageDescriptor.M, m, edition, day);
        if (group != null) {
            stage(basis, StageDescriptor.GROUP, group, edition, day);
        }
        return this;
    }

    public CaseFixture pathologyReport(int day, ExtractedFact... facts) {
        pathology.add(new PathologyReport("PR-" + day, day(day), "report text", List.of(facts),
                ref("DiagnosticReport", day)));
        return this;
    }

    public CaseFixture radiology(int day, String modality, String documentedResponse, List<LesionMeasurement> lesions,
            ExtractedFact... facts) {
        imaging.add(new ImagingStudy("ST-" + day, day(day), modality, null, "radiology text", List.of(facts), lesions,
                documentedResponse, ref("ImagingStudy", day)));
        return this;
    }

    public static ExtractedFact fact(ReportField field, String value) {
        return new ExtractedFact(field, value, 10, 20, false);
    }

    public static ExtractedFact negated(ReportField field, String value) {
        return new ExtractedFact(field, value, 10, 20, true);
    }

    public CaseFixture lab(String loinc, String name, double value, String unit, int day) {
        labs.add(new LabResult(loinc, name, value, unit, day(day), ref("Observation", day)));
        return this;
    }

    public CaseFixture egfr(double value, int day) {
        return lab("62238-1", "eGFR", value, "mL/min/{1.73_m2}", day);
    }

    public CaseFixture allergy(String substance, String reaction) {
        allergies.add(new Allergy(null, substance, reaction, "moderate", DAY0, ref("AllergyIntolerance", 0)));
        return this;
    }

    public CaseFixture device(String type, MrSafety safety, boolean conditionsRecorded) {
        devices.add(new ImplantedDevice(type, null, safety, conditionsRecorded, ref("Device", 0)));
        return this;
    }

    public CaseFixture planned(String description, String modality, boolean iodinated, boolean gadolinium,
            boolean ionising, int day) {
        planned.add(new PlannedImaging(description, modality, iodinated, gadolinium, ionising, day(day),
                ref("ServiceRequest", day)));
        return this;
    }

    /** A treatment started on a day; null for a treatment the source gives no date for. */
    public CaseFixture treatment(TreatmentKind kind, String display, Integer day) {
        treatments.add(new Treatment(kind, null, display, day == null ? null : day(day), null,
                ref("Procedure", day == null ? 0 : day)));
        return this;
    }

    public CaseFixture pregnant(Boolean status) {
        pregnant = status;
        return this;
    }

    public PatientCase build() {
        return new PatientCase("1.0", key, "site-a", 1, null, demographics, primary, staging, imaging, pathology, treatments,
                new ClinicalFacts(null, SmokingStatus.UNKNOWN, null, labs, allergies, devices, planned, pregnant),
                null, null, null, null);
    }
}
