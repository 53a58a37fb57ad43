package io.tumorboard.pipeline.assembly;

import io.tumorboard.model.cases.Allergy;
import io.tumorboard.model.cases.ClinicalFacts;
import io.tumorboard.model.cases.Demographics;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.ImplantedDevice;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.Outcome;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.cases.Treatment;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.CodedValue;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.PatientFacts;
import io.tumorboard.pipeline.ingest.Payloads;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a case from all fragments of one patient. The result depends only on the set of fragments, never on
 * their arrival order (every list is sorted by date and source), so a replayed or re-ordered run produces the same
 * case: the property the checkpoint-restart test relies on.
 */
public final class CaseBuilder {

    private static final Comparator<CaseFragment> ORDER = Comparator.comparingLong(CaseFragment::eventTimeMillis)
            .thenComparing(CaseFragment::identity);

    private final String site;
    private final CaseRules rules;

    public CaseBuilder(String site, CaseRules rules) {
        this.site = site;
        this.rules = rules;
    }

    public PatientCase build(String caseKey, Collection<CaseFragment> fragments) {
        List<CaseFragment> sorted = fragments.stream().sorted(ORDER).toList();
        PatientFacts patient = null;
        PrimaryCancer cancer = null;
        List<StageObservation> staging = new ArrayList<>();
        List<LabResult> labs = new ArrayList<>();
        List<Allergy> allergies = new ArrayList<>();
        List<ImplantedDevice> devices = new ArrayList<>();
        List<PlannedImaging> planned = new ArrayList<>();
        List<PathologyReport> pathology = new ArrayList<>();
        List<Treatment> treatments = new ArrayList<>();
        Map<String, ImagingStudy> imaging = new LinkedHashMap<>();
        Integer ecog = null;
        Double packYears = null;
        SmokingStatus smoking = SmokingStatus.UNKNOWN;
        Boolean pregnant = null;
        long newest = 0;
        for (CaseFragment f : sorted) {
            newest = Math.max(newest, f.eventTimeMillis());
            switch (f.kind()) {
                case PATIENT -> patient = Payloads.read(f.payload(), PatientFacts.class);
                case CONDITION -> cancer = earliest(cancer, Payloads.read(f.payload(), PrimaryCancer.class));
                case STAGE -> staging.add(Payloads.read(f.payload(), StageObservation.class));
                case ECOG -> ecog = Integer.valueOf(Payloads.read(f.payload(), CodedValue.class).value());
                case SMOKING -> {
                    CodedValue status = Payloads.read(f.payload(), CodedValue.class);
                    smoking = SmokingStatus.valueOf(status.value());
                    packYears = status.quantity() != null ? status.quantity() : packYears;
                }
                case PREGNANCY -> pregnant = pregnant(Payloads.read(f.payload(), CodedValue.class).value());
                case LAB, TUMOR_SIZE -> labs.add(Payloads.read(f.payload(), LabResult.class));
                case ALLERGY -> allergies.add(Payloads.read(f.payload(), Allergy.class));
                case DEVICE -> devices.add(Payloads.read(f.payload(), ImplantedDevice.class));
                case PLANNED_IMAGING -> planned.add(Payloads.read(f.payload(), PlannedImaging.class));
                case PATHOLOGY_REPORT -> pathology.add(Payloads.read(f.payload(), PathologyReport.class));
                case TREATMENT -> treatments.add(Payloads.read(f.payload(), Treatment.class));
                case IMAGING_REPORT, RADIOMICS -> merge(imaging, Payloads.read(f.payload(), ImagingStudy.class));
                default -> throw new IllegalStateException("no place in a case for a " + f.kind() + " fragment");
            }
        }
        Demographics demographics = patient == null ? null
                : new Demographics(patient.sex(), age(patient.birthDate(), cancer));
        staging.sort(Comparator.comparing(StageObservation::date, Comparator.nullsFirst(LocalDate::compareTo))
                .thenComparing(StageObservation::basis).thenComparing(StageObservation::descriptor)
                .thenComparing(s -> s.source() == null ? "" : s.source().reference()));
        ClinicalFacts clinical = new ClinicalFacts(ecog, smoking, packYears, labs, allergies, devices, planned,
                pregnant);
        List<ImagingStudy> studies = imaging.values().stream()
                .sorted(Comparator.comparing(ImagingStudy::date, Comparator.nullsFirst(LocalDate::compareTo))
                        .thenComparing(ImagingStudy::studyId))
                .toList();
        PatientCase unflagged = new PatientCase(null, caseKey, site, fragments.size(),
                newest == 0 ? null : Instant.ofEpochMilli(newest), demographics, cancer, staging, studies, pathology,
                treatments, clinical, outcome(patient, cancer), null, List.of(), null);
        return unflagged.withFlags(rules.evaluate(unflagged));
    }

    /**
     * The latest statement wins (fragments come in date order): a status is true at its time, and an "unknown"
     * after a known one means nobody can say now. The status's age is not weighed against the planned imaging.
     */
    private static Boolean pregnant(String status) {
        return switch (status) {
            case "PREGNANT" -> Boolean.TRUE;
            case "NOT_PREGNANT" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The same study's radiomics row and radiology report become one imaging study. */
    private static void merge(Map<String, ImagingStudy> studies, ImagingStudy part) {
        ImagingStudy known = studies.get(part.studyId());
        if (known == null) {
            studies.put(part.studyId(), part);
            return;
        }
        boolean knownHasText = !known.reportText().isEmpty();
        ImagingStudy text = knownHasText ? known : part;
        ImagingStudy features = knownHasText ? part : known;
        studies.put(part.studyId(), new ImagingStudy(part.studyId(),
                text.date() != null ? text.date() : features.date(),
                text.modality() != null ? text.modality() : features.modality(),
                features.radiomics().isEmpty() ? text.radiomics() : features.radiomics(),
                text.reportText(), text.facts(), text.lesions(), text.documentedResponse(), text.source()));
    }

    private static PrimaryCancer earliest(PrimaryCancer known, PrimaryCancer candidate) {
        if (known == null) {
            return candidate;
        }
        Comparator<PrimaryCancer> byDate = Comparator.comparing(PrimaryCancer::diagnosisDate,
                Comparator.nullsLast(LocalDate::compareTo));
        return byDate.compare(candidate, known) < 0 ? candidate : known;
    }

    /** Survival from diagnosis: death when a death date is known, else censored at last contact. */
    private static Outcome outcome(PatientFacts patient, PrimaryCancer cancer) {
        if (patient == null || cancer == null || cancer.diagnosisDate() == null) {
            return null;
        }
        LocalDate last = patient.deceasedDate() != null ? patient.deceasedDate() : patient.lastContactDate();
        if (last == null || last.isBefore(cancer.diagnosisDate())) {
            return null;
        }
        return new Outcome((int) ChronoUnit.DAYS.between(cancer.diagnosisDate(), last), patient.deceasedDate() != null,
                last);
    }

    private static Integer age(LocalDate birth, PrimaryCancer cancer) {
        if (birth == null || cancer == null || cancer.diagnosisDate() == null) {
            return null;
        }
        return Period.between(birth, cancer.diagnosisDate()).getYears();
    }

    static boolean isPatient(CaseFragment fragment) {
        return fragment.kind() == FragmentKind.PATIENT;
    }
}
