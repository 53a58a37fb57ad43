package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.PatientCase;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The part of the case page that depends on the case version alone (timeline, treatments, primary cancer,
 * staging, imaging with RECIST 1.1, reports with their highlighted facts, clinical facts), rendered from
 * {@code case-record.html} once per case version and kept. A case version never changes; rendering these sections
 * was most of the case page's CPU under {@code bench}, paid again on every view of the same version. Nothing here
 * depends on who reads it: the display identity, flags with their reviews, the model panel and similar cases are
 * rendered per view.
 */
@Component
class CaseRecordHtml {

    /** Tens of kB of HTML per case version; far more than the cases a board has open at once. */
    static final int KEPT_VERSIONS = 1_000;

    private final ITemplateEngine templates;
    private final KeptByKey<VersionKey, String> rendered = new KeptByKey<>(KEPT_VERSIONS);

    CaseRecordHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    private record VersionKey(String caseKey, long caseVersion) {
    }

    /** The sections' HTML; every text in it was escaped when rendered. */
    String of(PatientCase c) {
        return rendered.get(new VersionKey(c.caseKey(), c.caseVersion()), () -> render(c));
    }

    private String render(PatientCase c) {
        // The workbench's pages are in English; numbers are formatted the same for every reader.
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("c", c);
        context.setVariable("timeline", Timeline.of(c));
        context.setVariable("reports", CaseReports.of(c));
        context.setVariable("recist", RecistCourse.of(c.imaging()).orElse(null));
        return templates.process("case-record", context);
    }
}
