package io.tumorboard.pipeline.cohort;

/** Imaging a patient has ordered (ServiceRequest), with what it exposes the patient to. */
enum PlannedStudy {
    CT_CHEST_WITH_CONTRAST("CT chest abdomen with IV contrast", "CT", "77477000", "Computerized axial tomography",
            true, false, true),
    CT_CHEST_WITHOUT_CONTRAST("CT chest without contrast", "CT", "77477000", "Computerized axial tomography",
            false, false, true),
    MRI_BRAIN_WITH_GADOLINIUM("MRI brain with gadolinium", "MR", "113091000", "Magnetic resonance imaging",
            false, true, false),
    PET_CT("FDG PET-CT skull base to mid-thigh", "PT", "82918005", "Positron emission tomography",
            false, false, true);

    private final String description;
    private final String modality;
    private final String snomed;
    private final String snomedDisplay;
    private final boolean iodinatedContrast;
    private final boolean gadolinium;
    private final boolean ionizing;

    PlannedStudy(String description, String modality, String snomed, String snomedDisplay, boolean iodinatedContrast,
            boolean gadolinium, boolean ionizing) {
        this.description = description;
        this.modality = modality;
        this.snomed = snomed;
        this.snomedDisplay = snomedDisplay;
        this.iodinatedContrast = iodinatedContrast;
        this.gadolinium = gadolinium;
        this.ionizing = ionizing;
    }

    String description() {
        return description;
    }

    String modality() {
        return modality;
    }

    String snomed() {
        return snomed;
    }

    String snomedDisplay() {
        return snomedDisplay;
    }

    boolean iodinatedContrast() {
        return iodinatedContrast;
    }

    boolean gadolinium() {
        return gadolinium;
    }

    boolean ionizing() {
        return ionizing;
    }
}
