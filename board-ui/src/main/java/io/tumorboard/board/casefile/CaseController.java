package io.tumorboard.board.casefile;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.flag.FlagReviews;
import io.tumorboard.board.prognosis.Prognosis;
import io.tumorboard.board.prognosis.PrognosisSource;
import io.tumorboard.board.store.CaseNotFoundException;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.PatientCase;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The case page. Every view is written to the audit log before the page is rendered. */
@Controller
class CaseController {

    private final CaseStore store;
    private final FlagReviews flags;
    private final SimilarCases similar;
    private final PrognosisSource prognosis;
    private final AuditTrail audit;
    private final CaseRecordHtml record;
    private final PrognosisPanelHtml prognosisPanel;

    CaseController(CaseStore store, FlagReviews flags, SimilarCases similar, PrognosisSource prognosis,
            AuditTrail audit, CaseRecordHtml record, PrognosisPanelHtml prognosisPanel) {
        this.record = record;
        this.prognosisPanel = prognosisPanel;
        this.store = store;
        this.flags = flags;
        this.similar = similar;
        this.prognosis = prognosis;
        this.audit = audit;
    }

    @GetMapping("/cases/{key}")
    String view(@PathVariable String key, @RequestParam(required = false) Long meeting, Model model,
            Authentication authentication, Principal principal) {
        CaseSummary summary = store.summary(key).orElseThrow(() -> new CaseNotFoundException(key));
        PatientCase c = store.version(key, summary.caseVersion());
        audit.record(principal.getName(), "CASE_VIEW", "case:" + key, "version " + c.caseVersion());
        model.addAttribute("c", c);
        model.addAttribute("summary", summary);
        model.addAttribute("meetingId", meeting);
        model.addAttribute("displayIdentity", DisplayIdentityPolicy.allows(authentication)
                ? store.displayIdentity(key).orElse(null) : null);
        model.addAttribute("record", record.of(c));
        model.addAttribute("flags", flags.panel(c));
        Prognosis shown = prognosis.forCase(c);
        model.addAttribute("prognosis", shown);
        model.addAttribute("prognosisPanel", prognosisPanel.of(shown));
        model.addAttribute("similar", similar.nearest(summary));
        return "case";
    }
}
