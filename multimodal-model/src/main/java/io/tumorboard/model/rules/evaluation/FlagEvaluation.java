package io.tumorboard.model.rules.evaluation;

import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.rules.ClinicalRules;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs {@link ClinicalRules} on cases and scores the flags against truth lines, matching on (case key, flag
 * type): one case with two flags of one type against one truth line of that type is one true positive. Truth
 * lines of cases that were not read are counted apart, never as misses. Learned flags are not the rules' job
 * and are not scored.
 */
public final class FlagEvaluation {

    private final ClinicalRules rules;

    public FlagEvaluation(ClinicalRules rules) {
        this.rules = rules;
    }

    /**
     * @param cases the cases to run the rules on
     * @param truth every truth line
     * @param afterEachCase called once per case evaluated (a progress bar's step)
     */
    public EvaluationReport evaluate(List<PatientCase> cases, List<TruthLine> truth, Consumer<PatientCase> afterEachCase) {
        Set<String> keys = new HashSet<>();
        Set<Match> raised = new HashSet<>();
        int restagingRaised = 0;
        for (PatientCase c : cases) {
            keys.add(c.caseKey());
            for (var flag : rules.evaluate(c)) {
                if (flag.type() == FlagType.EXPECTED_RESTAGING) {
                    restagingRaised++;
                } else if (flag.type().kind() != FlagType.FlagKind.LEARNED) {
                    raised.add(new Match(c.caseKey(), flag.type()));
                }
            }
            afterEachCase.accept(c);
        }
        Set<Match> expected = new HashSet<>();
        int background = 0;
        int otherCases = 0;
        for (TruthLine line : truth) {
            if (!keys.contains(line.caseKey())) {
                otherCases++;
            } else if (line.isBackground()) {
                background++;
            } else {
                expected.add(new Match(line.caseKey(), line.type()));
            }
        }
        Map<FlagType, TypeScore> perType = new EnumMap<>(FlagType.class);
        TypeScore discrepancies = new TypeScore("ALL STRUCTURED DISCREPANCIES", 0, 0, 0);
        TypeScore safety = new TypeScore("ALL SAFETY", 0, 0, 0);
        for (FlagType type : FlagType.values()) {
            if (type == FlagType.EXPECTED_RESTAGING || type.kind() == FlagType.FlagKind.LEARNED) {
                continue;
            }
            TypeScore score = score(type, raised, expected);
            if (score.truePositives() + score.falsePositives() + score.falseNegatives() > 0) {
                perType.put(type, score);
            }
            if (type.kind() == FlagType.FlagKind.SAFETY) {
                safety = safety.plus(score);
            } else {
                discrepancies = discrepancies.plus(score);
            }
        }
        return new EvaluationReport(cases.size(), perType, discrepancies, safety, background, restagingRaised, otherCases);
    }

    private static TypeScore score(FlagType type, Set<Match> raised, Set<Match> expected) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Match m : raised) {
            if (m.type() == type) {
                if (expected.contains(m)) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        for (Match m : expected) {
            if (m.type() == type && !raised.contains(m)) {
                fn++;
            }
        }
        return new TypeScore(type.name(), tp, fp, fn);
    }

    private record Match(String caseKey, FlagType type) {
    }
}
