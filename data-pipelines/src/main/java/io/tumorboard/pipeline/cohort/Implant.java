package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.MrSafety;

/**
 * An implanted device on record.
 *
 * @param type device type (SNOMED CT display)
 * @param snomed SNOMED CT code of the device type
 * @param mrSafety its ASTM F2503 MR safety label
 * @param conditions the MR conditions of use as recorded (e.g. field strength, SAR limit), or null when none
 */
record Implant(String type, String snomed, MrSafety mrSafety, String conditions) {

    static Implant pacemaker(MrSafety safety, String conditions) {
        return new Implant("Cardiac pacemaker", "14106009", safety, conditions);
    }

    static Implant defibrillator(MrSafety safety, String conditions) {
        return new Implant("Implantable defibrillator", "72506001", safety, conditions);
    }

    static Implant cochlearImplant(MrSafety safety, String conditions) {
        return new Implant("Cochlear prosthesis", "43252007", safety, conditions);
    }
}
