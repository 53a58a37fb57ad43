package io.tumorboard.model.cases;

/**
 * An implanted device.
 *
 * @param type device type as recorded, e.g. {@code Cardiac pacemaker}
 * @param typeCode SNOMED CT code of the device type, may be null
 * @param mrSafety its MR safety label (ASTM F2503)
 * @param mrConditionsRecorded for an MR-conditional device: whether its conditions of use are on record
 * @param source the Device resource
 */
public record ImplantedDevice(
        String type,
        String typeCode,
        MrSafety mrSafety,
        boolean mrConditionsRecorded,
        SourceRef source) {
}
