package io.tumorboard.model.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One multimodal patient case, as the pipeline assembles it at a site and the board sees it.
 *
 * @param schemaVersion the schema version this case was written under, {@code major.minor}
 * @param caseKey pseudonymous patient key: a keyed hash of the site's identifier, never the identifier itself
 * @param site the hospital (site) the case belongs to
 * @param caseVersion version of this case, increasing with every change the pipeline sees
 * @param assembledAt event time of the newest record folded into this version
 * @param demographics sex and age
 * @param primaryCancer the primary cancer; null when no Condition arrived
 * @param staging every documented T, N, M and stage group, clinical and pathological
 * @param imaging imaging studies with radiomics and report text
 * @param pathology pathology reports
 * @param treatments cancer-directed treatments on record (surgery, systemic therapy, radiotherapy)
 * @param clinical clinical facts
 * @param outcome survival outcome; null when unknown (e.g. a case to predict for)
 * @param modalities which modalities arrived
 * @param flags flags raised by the clinical rules (and, at prediction time, by the network)
 * @param extensions top-level fields written by a newer minor schema version, kept verbatim and written back
 */
public record PatientCase(
        String schemaVersion,
        String caseKey,
        String site,
        long caseVersion,
        Instant assembledAt,
        Demographics demographics,
        PrimaryCancer primaryCancer,
        List<StageObservation> staging,
        List<ImagingStudy> imaging,
        List<PathologyReport> pathology,
        List<Treatment> treatments,
        ClinicalFacts clinical,
        Outcome outcome,
        ModalityPresence modalities,
        List<CaseFlag> flags,
        @JsonIgnore Map<String, Object> extensions) {

    public PatientCase {
        Objects.requireNonNull(caseKey, "caseKey");
        Objects.requireNonNull(site, "site");
        schemaVersion = schemaVersion == null ? CaseCodec.SCHEMA_VERSION : schemaVersion;
        staging = staging == null ? List.of() : List.copyOf(staging);
        imaging = imaging == null ? List.of() : List.copyOf(imaging);
        pathology = pathology == null ? List.of() : List.copyOf(pathology);
        treatments = treatments == null ? List.of() : List.copyOf(treatments);
        clinical = clinical == null ? ClinicalFacts.none() : clinical;
        flags = flags == null ? List.of() : List.copyOf(flags);
        extensions = extensions == null ? Map.of() : CaseCollections.orderedCopy(extensions);
        if (modalities == null) {
            modalities = new ModalityPresence(
                    imaging.stream().anyMatch(study -> !study.radiomics().isEmpty()),
                    pathology.stream().anyMatch(report -> !report.text().isBlank()),
                    primaryCancer != null);
        }
    }

    /** The same case with other flags, e.g. after the rules ran on it. */
    public PatientCase withFlags(List<CaseFlag> newFlags) {
        return new PatientCase(schemaVersion, caseKey, site, caseVersion, assembledAt, demographics, primaryCancer,
                staging, imaging, pathology, treatments, clinical, outcome, modalities, newFlags, extensions);
    }
}
