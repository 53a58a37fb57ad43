package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.rules.recist.RecistAssessment;
import io.tumorboard.model.rules.recist.RecistEvaluator;
import io.tumorboard.model.rules.recist.RecistOptions;
import io.tumorboard.model.rules.recist.RecistResponse;
import io.tumorboard.model.rules.recist.TimePointAssessment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A response a radiology report states (its structured response, or a RESPONSE fact read from its text) against
 * the RECIST 1.1 time-point response computed from the measurements of the same study. Not evaluable computed
 * responses contradict nothing; SD and non-CR/non-PD are the same statement for non-target-only disease. A
 * disagreement across the PD line is critical (it decides whether treatment continues).
 */
final class ResponseCheck implements CaseCheck {

    private final RecistEvaluator recist = new RecistEvaluator(RecistOptions.unconfirmed());

    @Override
    public List<CaseFlag> check(PatientCase c) {
        Optional<RecistAssessment> assessment = recist.assess(c.imaging());
        if (assessment.isEmpty()) {
            return List.of();
        }
        Map<String, TimePointAssessment> byStudy = assessment.get().timePoints().stream()
                .collect(Collectors.toMap(TimePointAssessment::studyId, Function.identity(), (a, b) -> a));
        List<CaseFlag> flags = new ArrayList<>();
        for (ImagingStudy study : c.imaging()) {
            TimePointAssessment point = byStudy.get(study.studyId());
            if (point == null || point.overall() == RecistResponse.NE || study.source() == null) {
                continue;
            }
            documented(study).filter(d -> contradicts(d.response(), point.overall())).findFirst()
                    .ifPresent(d -> flags.add(flag(d, point, study)));
        }
        return flags;
    }

    private record Documented(RecistResponse response, Evidence evidence) {
    }

    private static java.util.stream.Stream<Documented> documented(ImagingStudy study) {
        List<Documented> found = new ArrayList<>();
        RecistResponse.parse(study.documentedResponse()).ifPresent(r -> found.add(new Documented(r,
                new Evidence("documented response", study.documentedResponse(), study.source()))));
        for (ExtractedFact f : study.facts()) {
            if (f.field() == ReportField.RESPONSE && !f.negated()) {
                SourceRef span = new SourceRef(SourceRef.SourceKind.REPORT_TEXT,
                        study.source().reference() + "#" + f.start() + "-" + f.end(), study.date());
                RecistResponse.parse(f.value()).ifPresent(r -> found.add(new Documented(r,
                        new Evidence("response in report text", f.value(), span))));
            }
        }
        return found.stream();
    }

    private static boolean contradicts(RecistResponse documented, RecistResponse computed) {
        if (documented == RecistResponse.NE || documented == computed) {
            return false;
        }
        boolean stable = (documented == RecistResponse.SD && computed == RecistResponse.NON_CR_NON_PD)
                || (documented == RecistResponse.NON_CR_NON_PD && computed == RecistResponse.SD);
        return !stable;
    }

    private static CaseFlag flag(Documented d, TimePointAssessment point, ImagingStudy study) {
        boolean acrossPd = (d.response() == RecistResponse.PD) != (point.overall() == RecistResponse.PD);
        String computedValue = point.overall() + (point.targetSumMm() == null ? ""
                : String.format(" (sum %.1f mm, nadir %.1f mm)", point.targetSumMm(), point.nadirSumMm()));
        return new CaseFlag(FlagType.RESPONSE_CONFLICT, acrossPd ? Severity.CRITICAL : Severity.WARNING, "response",
                "The report states " + d.response() + " but RECIST 1.1 from the measurements gives " + point.overall(),
                List.of(d.evidence(), new Evidence("RECIST 1.1 computed response", computedValue,
                        new SourceRef(SourceRef.SourceKind.DERIVED, "RecistEvaluator " + study.studyId(), study.date()))),
                "RECIST-RESPONSE", RecistEvaluator.SOURCE);
    }
}
