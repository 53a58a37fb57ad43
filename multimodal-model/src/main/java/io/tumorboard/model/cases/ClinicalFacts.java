package io.tumorboard.model.cases;

import java.util.List;

/**
 * Clinical facts beyond the cancer itself that the board and the safety rules need.
 *
 * @param ecog ECOG performance status 0-5, null when not recorded
 * @param smoking smoking status
 * @param packYears pack-years of smoking, null when not recorded
 * @param labs laboratory values (eGFR among them)
 * @param allergies allergies and intolerances on record
 * @param devices implanted devices
 * @param plannedImaging imaging ordered and not yet done
 * @param pregnant pregnancy status: true, false, or null when not recorded
 */
public record ClinicalFacts(
        Integer ecog,
        SmokingStatus smoking,
        Double packYears,
        List<LabResult> labs,
        List<Allergy> allergies,
        List<ImplantedDevice> devices,
        List<PlannedImaging> plannedImaging,
        Boolean pregnant) {

    public ClinicalFacts {
        smoking = smoking == null ? SmokingStatus.UNKNOWN : smoking;
        labs = labs == null ? List.of() : List.copyOf(labs);
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
        devices = devices == null ? List.of() : List.copyOf(devices);
        plannedImaging = plannedImaging == null ? List.of() : List.copyOf(plannedImaging);
    }

    public static ClinicalFacts none() {
        return new ClinicalFacts(null, SmokingStatus.UNKNOWN, null, null, null, null, null, null);
    }
}
