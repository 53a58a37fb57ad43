package io.tumorboard.board.flag;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.audit.AuditEvent;
import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.model.cases.PatientCase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@BoardIntegrationTest
class CaseFlagsIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    FlagReviews reviews;
    @Autowired
    CaseStore store;
    @Autowired
    AuditTrail audit;

    private final PatientCase laterality = DemoCases.all().get(1).patientCase();

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
    }

    @Test
    void theFlagsPanelShowsSeverityBothSourcesWithEvidenceLinksAndTheRuleWithItsSource() {
        String page = new BoardClient(port).login("member", TestBoard.PASSWORD).get("/cases/" + laterality.caseKey())
                .body();
        assertThat(page).contains("LATERALITY_CONFLICT", "sev-CRITICAL", "condition laterality", "CT report laterality",
                "href=\"#src-Condition/cond-100388\"", "href=\"#src-DiagnosticReport/ct-100388\"",
                "LATERALITY-CONDITION-REPORT", "WHO Surgical Safety Checklist");
        // The evidence links land on elements of the same page.
        assertThat(page).contains("id=\"src-Condition/cond-100388\"", "id=\"src-DiagnosticReport/ct-100388\"");
    }

    @Test
    void aFlagIsAcknowledgedOrDismissedOnlyWithAReasonAndTheReviewIsRecordedAndAudited() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        String path = "/cases/" + laterality.caseKey();
        member.get(path);
        String flagId = "LATERALITY-CONDITION-REPORT:laterality";

        HttpResponse<String> noReason = member.post(path + "/flags/review",
                Map.of("flagId", flagId, "outcome", "DISMISSED", "reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("only with a reason");

        member.get(path);
        HttpResponse<String> done = member.post(path + "/flags/review", Map.of("flagId", flagId,
                "outcome", "ACKNOWLEDGED", "reason", "Radiology re-read confirms a right-sided mass; condition to be corrected"));
        assertThat(done.statusCode()).isEqualTo(302);

        FlagView view = reviews.panel(store.current(laterality.caseKey())).stream()
                .filter(f -> f.id().equals(flagId)).findFirst().orElseThrow();
        assertThat(view.lastReview().outcome()).isEqualTo(FlagReviewOutcome.ACKNOWLEDGED);
        assertThat(view.lastReview().reviewedBy()).isEqualTo("member");
        assertThat(member.get(path).body()).contains("Radiology re-read confirms a right-sided mass");
        assertThat(audit.forTarget("case:" + laterality.caseKey())).extracting(AuditEvent::action)
                .contains("FLAG_ACKNOWLEDGED");
    }

    @Test
    void aReviewOfAFlagTheCaseDoesNotCarryIsRefused() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        String path = "/cases/" + laterality.caseKey();
        member.get(path);
        HttpResponse<String> refused = member.post(path + "/flags/review",
                Map.of("flagId", "INVENTED:T", "outcome", "DISMISSED", "reason", "not real"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("has no flag INVENTED:T");
    }

    @Test
    void everyCaseViewIsAuditedAndTheAdminReadsTheLogWithoutSeeingTheCase() {
        new BoardClient(port).login("datasci", TestBoard.PASSWORD).get("/cases/" + laterality.caseKey());
        List<AuditEvent> events = audit.forTarget("case:" + laterality.caseKey());
        assertThat(events).anyMatch(e -> e.action().equals("CASE_VIEW") && e.username().equals("datasci"));

        BoardClient admin = new BoardClient(port).login("admin", TestBoard.PASSWORD);
        assertThat(admin.get("/admin/audit").body()).contains("CASE_VIEW", "datasci", "case:" + laterality.caseKey());
        assertThat(admin.get("/cases/" + laterality.caseKey()).statusCode()).isEqualTo(403);
    }

    @Test
    void theCasePageShowsStagingWithEditionImagingWithRadiomicsRecistAndHighlightedFacts() {
        PatientCase conflict = DemoCases.all().get(0).patientCase();
        String page = new BoardClient(port).login("chair", TestBoard.PASSWORD).get("/cases/" + conflict.caseKey())
                .body();
        assertThat(page).contains("MRN-100231", "IIIA", "8th", "Observation/pn-100231",
                "original_shape_Maximum3DDiameter", "RECIST 1.1", "-34.4 %", "<strong>PR</strong>",
                "<mark class=\"fact\" title=\"PATHOLOGICAL_N = N2\">pN2</mark>",
                "<mark class=\"fact negated\" title=\"PLEURAL_INVASION = ABSENT\">", "eGFR", "No model promoted yet",
                "RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009)", "id=\"recist-best\">PR<",
                "surgery: Lobectomy of lung", "SNOMED CT 173171007", "id=\"src-Procedure/proc-100231\"");
    }
}
