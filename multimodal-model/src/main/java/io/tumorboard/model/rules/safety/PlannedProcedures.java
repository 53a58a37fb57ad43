package io.tumorboard.model.rules.safety;

import io.tumorboard.model.cases.PlannedImaging;
import java.util.Locale;
import java.util.Set;

/**
 * What a planned imaging procedure involves, read generously: a missed safety flag is worse than an extra one,
 * so a procedure counts as MRI, ionising or contrast-enhanced when either its coded fields or its description
 * say so.
 */
final class PlannedProcedures {

    /** DICOM modalities that expose the patient to ionising radiation. */
    private static final Set<String> IONISING = Set.of("CT", "PT", "NM", "CR", "DX", "XA", "RF", "MG", "DR", "RG");

    private PlannedProcedures() {
    }

    static boolean isMri(PlannedImaging p) {
        String d = description(p);
        return "MR".equalsIgnoreCase(p.modality()) || d.matches(".*\\b(mri|mr|magnetic resonance)\\b.*");
    }

    static boolean isIonising(PlannedImaging p) {
        String d = description(p);
        return p.ionizingRadiation() || (p.modality() != null && IONISING.contains(p.modality().toUpperCase(Locale.ROOT)))
                || d.matches(".*\\b(ct|pet|x ?ray|radiograph|fluoroscop\\w*|mammogra\\w*|angiogra\\w*|scintigra\\w*|"
                        + "bone scan|computed tomography)\\b.*");
    }

    static boolean usesIodinatedContrast(PlannedImaging p) {
        String d = description(p);
        return p.iodinatedContrast() || (!isMri(p) && d.matches(".*\\b(with contrast|contrast enhanced|iv contrast|"
                + "w/ contrast|w contrast|angiogra\\w*|ctpa)\\b.*"));
    }

    static boolean usesGadolinium(PlannedImaging p) {
        String d = description(p);
        return p.gadoliniumContrast() || (isMri(p) && d.matches(".*\\b(with contrast|contrast enhanced|gadolinium|"
                + "w/ contrast|w contrast|gd)\\b.*"));
    }

    static String description(PlannedImaging p) {
        return p.description() == null ? "" : p.description().toLowerCase(Locale.ROOT).replace('-', ' ');
    }
}
