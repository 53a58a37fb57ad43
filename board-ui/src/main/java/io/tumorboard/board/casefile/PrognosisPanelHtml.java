package io.tumorboard.board.casefile;

import io.tumorboard.board.prognosis.Prognosis;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The case page's model panel ({@code case-prognosis.html}), rendered once per prognosis and kept. The prognosis
 * source keeps one {@link Prognosis} per case version and model, so the same object comes back on every view of
 * that version until another model is promoted; the panel is kept under that object's identity (comparing two
 * predictions by value would walk their survival curves on every view). The panel depends on nothing else: no
 * reader, no role, no form.
 */
@Component
class PrognosisPanelHtml {

    /** A few kB of HTML each; as many as {@link CaseRecordHtml} keeps case versions. */
    static final int KEPT_PANELS = CaseRecordHtml.KEPT_VERSIONS;

    private final ITemplateEngine templates;
    private final KeptByKey<Identity, String> rendered = new KeptByKey<>(KEPT_PANELS);

    PrognosisPanelHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A prognosis object as a key by identity; holding it keeps the object, so its identity is never reused. */
    private static final class Identity {
        private final Prognosis prognosis;

        Identity(Prognosis prognosis) {
            this.prognosis = prognosis;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.prognosis == prognosis;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(prognosis);
        }
    }

    /** The panel's HTML; every text in it was escaped when rendered. */
    String of(Prognosis prognosis) {
        if (prognosis instanceof Prognosis.NoModelPromoted) {
            // Made afresh on every view and one line long: keeping it would only churn the kept panels.
            return render(prognosis);
        }
        return rendered.get(new Identity(prognosis), () -> render(prognosis));
    }

    private String render(Prognosis prognosis) {
        // As for the case record: the pages are in English, numbers formatted the same for every reader.
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("prognosis", prognosis);
        return templates.process("case-prognosis", context);
    }
}
