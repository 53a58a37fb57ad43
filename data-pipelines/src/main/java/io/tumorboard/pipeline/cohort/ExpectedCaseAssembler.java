package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.Allergy;
import io.tumorboard.model.cases.ClinicalFacts;
import io.tumorboard.model.cases.Demographics;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.ImplantedDevice;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.ModalityPresence;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.Outcome;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.cases.Treatment.TreatmentKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case a perfect pipeline would assemble from one patient's well-formed exported records: the structured
 * values exactly as exported (an injected discrepancy included), report texts as exported, no flags and no
 * text-extracted facts. {@code caseVersion} is 1 and {@code assembledAt} the start (UTC) of the newest record's
 * date; a pipeline's own versioning may differ, so evaluations compare content, not these two.
 */
final class ExpectedCaseAssembler {

    private final SiteProfile site;

    ExpectedCaseAssembler(SiteProfile site) {
        this.site = site;
    }

    PatientCase assemble(LatentPatient p, Documentation d, String radiologyText, String pathologyText,
            Map<String, Double> radiomics) {
        ResourceIds ids = new ResourceIds(p);
        List<StageObservation> staging = new ArrayList<>();
        addStaging(staging, ids, 'c', StageBasis.CLINICAL, d.clinical(), p, d.clinicalDate());
        if (d.pathological() != null) {
            addStaging(staging, ids, 'p', StageBasis.PATHOLOGICAL, d.pathological(), p, p.surgeryDate());
        }
        List<ImagingStudy> imaging = new ArrayList<>();
        if (p.hasImaging()) {
            imaging.add(new ImagingStudy(ids.studyId(), p.stagingCtDate(), "CT", radiomics, radiologyText, null, null,
                    null, SourceRef.fhir("DiagnosticReport/" + ids.radiologyReport(), p.stagingCtDate())));
        }
        List<PathologyReport> pathology = new ArrayList<>();
        if (p.hasPathology()) {
            LocalDate date = p.pathologyReportDate();
            SourceRef source = site.pathologyAsTextFiles()
                    ? new SourceRef(SourceRef.SourceKind.REPORT_TEXT, d.pathologyDocument(), date)
                    : SourceRef.fhir(d.pathologyDocument(), date);
            String reportId = site.pathologyAsTextFiles() ? d.pathologyDocument() : ids.pathologyReport();
            pathology.add(new PathologyReport(reportId, date, pathologyText, null, source));
        }
        PrimaryCancer cancer = new PrimaryCancer(p.lobe().topography(),
                PathologyReportText.side(d.conditionLaterality(), false) + " " + p.lobe().words() + " of lung",
                d.conditionLaterality(), d.conditionHistology().display(), d.conditionHistology().icdO3(),
                p.diagnosisDate(), SourceRef.fhir("Condition/" + ids.condition(), p.diagnosisDate()));
        Outcome outcome = new Outcome(p.followUpDays(), p.death(), p.lastKnownDate());
        ModalityPresence modalities = new ModalityPresence(p.hasImaging(), p.hasPathology(), true);
        LocalDate newest = newestRecordDate(p);
        return new PatientCase(null, p.caseKey(), p.site(), 1, newest.atStartOfDay().toInstant(ZoneOffset.UTC),
                new Demographics(p.sex(), p.ageYears()), cancer, staging, imaging, pathology, treatments(p, ids),
                clinical(p, d, ids), outcome, modalities, List.of(), null);
    }

    /** The Procedures the export holds, as single-day treatments in the order they were given. */
    private static List<Treatment> treatments(LatentPatient p, ResourceIds ids) {
        List<Treatment> out = new ArrayList<>();
        if (p.neoadjuvant()) {
            out.add(new Treatment(TreatmentKind.SYSTEMIC_THERAPY, "367336001", "Chemotherapy", p.neoadjuvantDate(),
                    null, SourceRef.fhir("Procedure/" + ids.neoadjuvant(), p.neoadjuvantDate())));
        }
        if (p.surgery()) {
            out.add(new Treatment(TreatmentKind.SURGERY, "173171007", "Lobectomy of lung", p.surgeryDate(), null,
                    SourceRef.fhir("Procedure/" + ids.surgery(), p.surgeryDate())));
        }
        return out;
    }

    private static void addStaging(List<StageObservation> out, ResourceIds ids, char basis, StageBasis stageBasis,
            Documentation.Staging s, LatentPatient p, LocalDate date) {
        String[] values = {s.t(), s.n(), s.m(), s.group()};
        StageDescriptor[] descriptors = StageDescriptor.values();
        char[] letters = {'T', 'N', 'M', 'G'};
        for (int i = 0; i < 4; i++) {
            out.add(new StageObservation(stageBasis, descriptors[i], values[i], p.documentedEdition(), date,
                    SourceRef.fhir("Observation/" + ids.stage(basis, letters[i]), date)));
        }
    }

    private ClinicalFacts clinical(LatentPatient p, Documentation d, ResourceIds ids) {
        LocalDate labDate = p.egfrDate();
        List<LabResult> labs = List.of(new LabResult("62238-1", "eGFR", d.egfr(), "mL/min/{1.73_m2}", labDate,
                SourceRef.fhir("Observation/" + ids.egfr(), labDate)));
        List<Allergy> allergies = d.contrastReaction() == null ? List.of()
                : List.of(new Allergy(null, "Iodinated contrast media", d.contrastReaction(),
                        d.contrastReaction().equals("Anaphylaxis") ? "severe" : "moderate",
                        p.diagnosisDate().minusYears(3),
                        SourceRef.fhir("AllergyIntolerance/" + ids.allergy(), p.diagnosisDate().minusYears(3))));
        List<ImplantedDevice> devices = d.implant() == null ? List.of()
                : List.of(new ImplantedDevice(d.implant().type(), d.implant().snomed(), d.implant().mrSafety(),
                        d.implant().mrSafety() == MrSafety.MR_CONDITIONAL && d.implant().conditions() != null,
                        SourceRef.fhir("Device/" + ids.device(), null)));
        PlannedStudy planned = d.planned();
        LocalDate when = p.plannedImagingDate();
        List<PlannedImaging> plannedImaging = List.of(new PlannedImaging(planned.description(), planned.modality(),
                planned.iodinatedContrast(), planned.gadolinium(), planned.ionizing(), when,
                SourceRef.fhir("ServiceRequest/" + ids.plannedImaging(), when)));
        return new ClinicalFacts(p.ecog(), p.smoking(), p.packYears(), labs, allergies, devices, plannedImaging,
                d.pregnant());
    }

    private static LocalDate newestRecordDate(LatentPatient p) {
        LocalDate newest = p.lastKnownDate();
        if (p.surgeryDate() != null && p.pathologyReportDate().isAfter(newest)) {
            newest = p.pathologyReportDate();
        }
        LocalDate order = p.plannedImagingDate();
        return order.isAfter(newest) ? order : newest;
    }
}
