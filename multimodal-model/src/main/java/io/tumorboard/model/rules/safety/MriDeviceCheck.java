package io.tumorboard.model.rules.safety;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.ImplantedDevice;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * MRI planned with an implanted device, by its ASTM F2503 label: MR Unsafe is a contraindication (CRITICAL);
 * MR Conditional is safe only under the conditions of its labelling, so without them on record the scan cannot be
 * cleared (WARNING); a device with no label is treated as unknown, which the ACR Manual on MR Safety handles like
 * unsafe until identified (WARNING). MR Safe devices raise nothing.
 */
final class MriDeviceCheck implements SafetyCheck {

    static final String SOURCE = "ASTM F2503-20, Standard Practice for Marking Medical Devices for Safety in the "
            + "MR Environment; ACR Manual on MR Safety (2020)";

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<CaseFlag> flags = new ArrayList<>();
        for (PlannedImaging p : c.clinical().plannedImaging()) {
            if (!PlannedProcedures.isMri(p)) {
                continue;
            }
            for (ImplantedDevice device : c.clinical().devices()) {
                MrSafety label = device.mrSafety() == null ? MrSafety.UNKNOWN : device.mrSafety();
                List<Evidence> evidence = List.of(new Evidence("planned procedure", p.description(), p.source()),
                        new Evidence("implanted device", device.type() + ": " + label
                                + (label == MrSafety.MR_CONDITIONAL ? (device.mrConditionsRecorded()
                                ? ", conditions on record" : ", conditions not on record") : ""), device.source()));
                switch (label) {
                    case MR_UNSAFE -> flags.add(new CaseFlag(FlagType.MRI_UNSAFE_DEVICE, Severity.CRITICAL, "MR safety",
                            "MRI planned with an MR Unsafe device (" + device.type() + ")", evidence,
                            "SAFETY-MRI-UNSAFE", SOURCE));
                    case MR_CONDITIONAL -> {
                        if (!device.mrConditionsRecorded()) {
                            flags.add(new CaseFlag(FlagType.MRI_CONDITIONAL_DEVICE_UNDOCUMENTED, Severity.WARNING,
                                    "MR safety", "MRI planned with an MR Conditional device (" + device.type()
                                            + ") whose conditions are not on record", evidence,
                                    "SAFETY-MRI-CONDITIONAL", SOURCE));
                        }
                    }
                    case UNKNOWN -> flags.add(new CaseFlag(FlagType.MRI_CONDITIONAL_DEVICE_UNDOCUMENTED,
                            Severity.WARNING, "MR safety", "MRI planned with a device of unknown MR status ("
                                    + device.type() + ")", evidence, "SAFETY-MRI-UNKNOWN", SOURCE));
                    case MR_SAFE -> {
                        // no hazard in the MR environment by definition (ASTM F2503)
                    }
                }
            }
        }
        return flags;
    }
}
