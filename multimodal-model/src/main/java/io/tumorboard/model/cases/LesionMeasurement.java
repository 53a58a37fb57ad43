package io.tumorboard.model.cases;

/**
 * One lesion measured at one imaging time point, as RECIST 1.1 needs it.
 *
 * @param lesionId stable identifier of the lesion across time points
 * @param organ organ the lesion lies in (RECIST allows at most two target lesions per organ)
 * @param lymphNode whether the lesion is a lymph node (measured in short axis)
 * @param diameterMm longest diameter (short axis for nodes) in mm; null when not measurable or not measured
 * @param newLesion whether the radiologist called it new at this time point
 */
public record LesionMeasurement(
        String lesionId,
        String organ,
        boolean lymphNode,
        Double diameterMm,
        boolean newLesion) {
}
