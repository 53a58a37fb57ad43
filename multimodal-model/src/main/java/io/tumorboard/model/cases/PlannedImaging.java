package io.tumorboard.model.cases;

import java.time.LocalDate;

/**
 * An imaging procedure that is ordered but not yet done (a ServiceRequest).
 *
 * @param description what is planned, e.g. {@code CT chest with contrast}
 * @param modality DICOM modality code: {@code CT}, {@code MR}, {@code PT}, {@code CR}
 * @param iodinatedContrast whether it uses iodinated contrast
 * @param gadoliniumContrast whether it uses gadolinium-based contrast
 * @param ionizingRadiation whether it exposes the patient to ionising radiation
 * @param plannedDate when it is planned, may be null
 * @param source the ServiceRequest
 */
public record PlannedImaging(
        String description,
        String modality,
        boolean iodinatedContrast,
        boolean gadoliniumContrast,
        boolean ionizingRadiation,
        LocalDate plannedDate,
        SourceRef source) {
}
