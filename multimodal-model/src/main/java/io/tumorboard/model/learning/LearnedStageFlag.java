package io.tumorboard.model.learning;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.model.learning.features.DocumentedStage;
import io.tumorboard.model.learning.features.StageTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Raises {@link FlagType#LEARNED_STAGE_CONTRADICTION} when one modality, on its own, puts at least
 * {@link #CONFIDENCE} of its probability on a T, N or stage-group category other than the documented one it
 * speaks for. Pathology (the resection report) speaks for the pathological stage and is compared with the
 * pathological value only: its disagreement with a clinical value is the re-staging after resection that the
 * rules already judge ({@code EXPECTED_RESTAGING}, AJCC 8th ed. ch. 1). Imaging speaks for the clinical stage and
 * is compared with the clinical value, or with the pathological one when no clinical value exists. The group is
 * compared with the group as documented, not as the rules regroup it. A learned estimate is a prompt to look
 * again, never a stage: the flag is a WARNING and says which modality disagrees and how sure it is.
 */
final class LearnedStageFlag {

    /** Probability the modality must give its own category before its disagreement is worth a flag. */
    static final double CONFIDENCE = 0.9;
    static final String RULE_ID_PREFIX = "LEARNED-";

    List<CaseFlag> flags(PatientCase c, Map<Modality, Map<StageDescriptor, double[]>> estimates) {
        List<CaseFlag> flags = new ArrayList<>();
        for (Map.Entry<Modality, Map<StageDescriptor, double[]>> modality : estimates.entrySet()) {
            for (StageTarget target : StageTarget.values()) {
                double[] p = modality.getValue().get(target.descriptor());
                if (p == null) {
                    continue;
                }
                int argmax = 0;
                for (int k = 1; k < p.length; k++) {
                    argmax = p[k] > p[argmax] ? k : argmax;
                }
                if (p[argmax] < CONFIDENCE) {
                    continue;
                }
                Optional<StageObservation> documented = documentedFor(c, modality.getKey(), target);
                OptionalInt documentedClass = documented.map(o -> target.classOf(o.value())).orElse(OptionalInt.empty());
                if (documentedClass.isPresent() && documentedClass.getAsInt() != argmax) {
                    flags.add(flag(modality.getKey(), target, target.name(argmax), p[argmax], documented.get()));
                }
            }
        }
        return flags;
    }

    /** The documented value a modality's estimate is compared with (see the class comment). */
    static Optional<StageObservation> documentedFor(PatientCase c, Modality modality, StageTarget target) {
        Optional<StageObservation> pathological = DocumentedStage.latest(c, target.descriptor(), StageBasis.PATHOLOGICAL);
        if (modality == Modality.PATHOLOGY) {
            return pathological;
        }
        Optional<StageObservation> clinical = DocumentedStage.latest(c, target.descriptor(), StageBasis.CLINICAL);
        return clinical.isPresent() ? clinical : pathological;
    }

    private static CaseFlag flag(Modality modality, StageTarget target, String estimate, double p,
                                 StageObservation doc) {
        String name = modality.name().toLowerCase(Locale.ROOT);
        String basis = doc.basis().name().toLowerCase(Locale.ROOT);
        String descriptor = target == StageTarget.GROUP ? "stage group" : target.name();
        SourceRef documentedSource = doc.source() != null ? doc.source()
                : new SourceRef(SourceRef.SourceKind.DERIVED, "staging observation", doc.date());
        return new CaseFlag(FlagType.LEARNED_STAGE_CONTRADICTION, Severity.WARNING, target.descriptor().name(),
                String.format(Locale.ROOT, "The %s model estimates %s with probability %.2f; the documented %s %s is %s.",
                        name, estimate, p, basis, descriptor, doc.value()),
                List.of(new Evidence("documented " + basis + " " + descriptor, doc.value(), documentedSource),
                        new Evidence(name + " model estimate", String.format(Locale.ROOT, "%s (p=%.2f)", estimate, p),
                                new SourceRef(SourceRef.SourceKind.DERIVED,
                                        "fusion network stage head: " + name + " " + descriptor, null))),
                RULE_ID_PREFIX + target.name() + "-CONTRADICTION",
                "learned estimate (fusion network stage head), not a published rule");
    }
}
