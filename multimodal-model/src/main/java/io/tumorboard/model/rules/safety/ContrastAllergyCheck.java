package io.tumorboard.model.rules.safety;

import io.tumorboard.model.cases.Allergy;
import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PlannedImaging;
import io.tumorboard.model.cases.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Contrast planned for a patient with a prior reaction to contrast. The ACR Manual on Contrast Media names a
 * prior allergic-like reaction to the same class of contrast medium as the strongest risk factor for another
 * (CRITICAL); a reaction to the other class (gadolinium before iodinated, or the reverse) raises the risk less
 * (WARNING). Shellfish and "iodine" food allergies are not risk factors per the Manual, but an allergy recorded
 * only as "iodine" is flagged as a warning because records often write a contrast reaction that way.
 */
final class ContrastAllergyCheck implements SafetyCheck {

    static final String SOURCE = "ACR Manual on Contrast Media (2023), Allergic-Like and Physiologic Reactions to "
            + "Intravascular Iodinated Contrast Media; Gadolinium-Based Contrast Agents";

    private enum AgentClass { IODINATED, GADOLINIUM, CONTRAST_UNSPECIFIED, IODINE_WORD, NONE }

    @Override
    public List<CaseFlag> check(PatientCase c) {
        List<CaseFlag> flags = new ArrayList<>();
        for (PlannedImaging p : c.clinical().plannedImaging()) {
            boolean iodinated = PlannedProcedures.usesIodinatedContrast(p);
            boolean gadolinium = PlannedProcedures.usesGadolinium(p);
            if (!iodinated && !gadolinium) {
                continue;
            }
            for (Allergy allergy : c.clinical().allergies()) {
                AgentClass agent = classOf(allergy);
                Severity severity = severity(agent, iodinated, gadolinium);
                if (severity == null) {
                    continue;
                }
                flags.add(new CaseFlag(FlagType.CONTRAST_ALLERGY, severity, "contrast reaction",
                        (iodinated ? "Iodinated" : "Gadolinium") + " contrast planned (" + p.description()
                                + ") with a recorded reaction to " + allergy.substance(),
                        List.of(new Evidence("planned procedure", p.description(), p.source()),
                                new Evidence("allergy", allergy.substance()
                                        + (allergy.reaction() == null ? "" : " (" + allergy.reaction() + ")"),
                                        allergy.source())),
                        "SAFETY-CONTRAST-ALLERGY", SOURCE));
                break;
            }
        }
        return flags;
    }

    private static Severity severity(AgentClass agent, boolean iodinated, boolean gadolinium) {
        return switch (agent) {
            case IODINATED -> iodinated ? Severity.CRITICAL : Severity.WARNING;
            case GADOLINIUM -> gadolinium ? Severity.CRITICAL : Severity.WARNING;
            case CONTRAST_UNSPECIFIED -> Severity.CRITICAL;
            case IODINE_WORD -> Severity.WARNING;
            case NONE -> null;
        };
    }

    private static AgentClass classOf(Allergy allergy) {
        String s = ((allergy.substance() == null ? "" : allergy.substance()) + " "
                + (allergy.substanceCode() == null ? "" : allergy.substanceCode())).toLowerCase(Locale.ROOT);
        if (s.matches(".*(gadolin|gado\\w+|magnevist|dotarem|gadavist|multihance|prohance|omniscan|eovist|clariscan).*")) {
            return AgentClass.GADOLINIUM;
        }
        if (s.matches(".*(iodinated|iohexol|iopamidol|iodixanol|ioversol|iopromide|iomeprol|diatrizoate|omnipaque|"
                + "visipaque|isovue|optiray|ultravist|radiocontrast|radiographic contrast|x-ray contrast).*")) {
            return AgentClass.IODINATED;
        }
        if (s.contains("contrast")) {
            return AgentClass.CONTRAST_UNSPECIFIED;
        }
        if (s.matches(".*\\biodine\\b.*")) {
            return AgentClass.IODINE_WORD;
        }
        return AgentClass.NONE;
    }
}
