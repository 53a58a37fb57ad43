package io.tumorboard.pipeline.cohort;

import java.time.LocalDate;

/**
 * The ids of one patient's exported records. Ids carry the site and the patient's position token, never the MRN,
 * so a resource id can travel in truth files and logs without identifying anyone.
 */
final class ResourceIds {

    private final String prefix;

    ResourceIds(LatentPatient patient) {
        this.prefix = patient.site() + "-" + patient.token();
    }

    String patient() {
        return prefix;
    }

    String condition() {
        return prefix + "-condition";
    }

    /** A TNM Observation: basis {@code c} or {@code p}, descriptor {@code T}, {@code N}, {@code M} or {@code G}. */
    String stage(char basis, char descriptor) {
        return prefix + "-" + basis + descriptor;
    }

    String ecog() {
        return prefix + "-ecog";
    }

    String smoking() {
        return prefix + "-smoking";
    }

    String egfr() {
        return prefix + "-egfr";
    }

    String pregnancyStatus() {
        return prefix + "-pregnancy";
    }

    String tumorSize() {
        return prefix + "-size-ct";
    }

    String radiologyReport() {
        return prefix + "-rad-ct";
    }

    String studyId() {
        return prefix.replace("hospital-", "") + "-ct1";
    }

    String pathologyReport() {
        return prefix + "-path";
    }

    /** The document id of a pathology text file: its path relative to the site folder. */
    static String pathologyTextFile(String mrn, LocalDate date) {
        return "reports/" + mrn + "__" + date + "__pathology.txt";
    }

    String allergy() {
        return prefix + "-allergy";
    }

    String device() {
        return prefix + "-device";
    }

    String plannedImaging() {
        return prefix + "-order";
    }

    String surgery() {
        return prefix + "-lobectomy";
    }

    String neoadjuvant() {
        return prefix + "-chemo";
    }
}
