package io.tumorboard.model.learning;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.learning.features.DocumentedStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Raises {@link FlagType#LEARNED_STAGE_CONTRADICTION} when one modality, on its own, puts at least
 * {@link #CONFIDENCE} of its probability on a T category other than the documented one. A learned estimate is
 * a prompt to look again, never a stage: the flag is a WARNING and says which modality disagrees and how sure it is.
 */
final class LearnedStageFlag {

    /** Probability the modality must give its own T category before its disagreement is worth a flag. */
    static final double CONFIDENCE = 0.9;
    static final String RULE_ID = "LEARNED-T-CONTRADICTION";

    List<CaseFlag> flags(PatientCase c, Map<Modality, double[]> stageProbabilities) {
        Optional<StageObservation> documented = DocumentedStage.observation(c, StageDescriptor.T);
        OptionalInt documentedClass = DocumentedStage.tClass(c);
        List<CaseFlag> flags = new ArrayList<>();
        if (documented.isEmpty() || documentedClass.isEmpty()) {
            return flags;
        }
        for (Map.Entry<Modality, double[]> entry : stageProbabilities.entrySet()) {
            double[] p = entry.getValue();
            int argmax = 0;
            for (int k = 1; k < p.length; k++) {
                argmax = p[k] > p[argmax] ? k : argmax;
            }
            if (argmax != documentedClass.getAsInt() && p[argmax] >= CONFIDENCE) {
                String modality = entry.getKey().name().toLowerCase();
                String estimate = "T" + (argmax + 1);
                StageObservation doc = documented.get();
                SourceRef documentedSource = doc.source() != null ? doc.source()
                        : new SourceRef(SourceRef.SourceKind.DERIVED, "staging observation", doc.date());
                flags.add(new CaseFlag(FlagType.LEARNED_STAGE_CONTRADICTION, Severity.WARNING, "T",
                        String.format("The %s model estimates %s with probability %.2f; the documented %s T is %s.",
                                modality, estimate, p[argmax], doc.basis().name().toLowerCase(), doc.value()),
                        List.of(new Evidence("documented " + doc.basis().name().toLowerCase() + " T", doc.value(),
                                        documentedSource),
                                new Evidence(modality + " model estimate", String.format("%s (p=%.2f)", estimate,
                                        p[argmax]), new SourceRef(SourceRef.SourceKind.DERIVED,
                                        "fusion network stage head: " + modality, null))),
                        RULE_ID, "learned estimate (fusion network stage head), not a published rule"));
            }
        }
        return flags;
    }
}
