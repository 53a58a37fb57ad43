package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every report of a case, pathology and radiology, with its highlighted segments. */
final class CaseReports {

    private CaseReports() {
    }

    static List<CaseReport> of(PatientCase c) {
        List<CaseReport> reports = new ArrayList<>();
        c.pathology().forEach(p -> reports.add(new CaseReport("report-" + p.reportId(), "pathology", p.reportId(),
                p.date(), ReportHighlighter.segments(p.reportId(), p.text(), p.facts()), sorted(p.facts()),
                p.source())));
        c.imaging().stream().filter(i -> !i.reportText().isBlank()).forEach(i -> reports.add(new CaseReport(
                "study-report-" + i.studyId(), "radiology", i.studyId(), i.date(),
                ReportHighlighter.segments(i.studyId(), i.reportText(), i.facts()), sorted(i.facts()), i.source())));
        return reports;
    }

    private static List<ExtractedFact> sorted(List<ExtractedFact> facts) {
        return facts.stream().sorted(Comparator.comparingInt(ExtractedFact::start)).toList();
    }
}
