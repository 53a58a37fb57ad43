package io.tumorboard.board.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tumorboard.board.audit.AuditTrail;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.flag.FlagReviews;
import io.tumorboard.board.prognosis.NoPromotedModel;
import io.tumorboard.board.prognosis.PrognosisSource;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.SourceRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The case page rendered by its controller alone, with the case store and the rest mocked. */
@WebMvcTest(CaseController.class)
@Import({CaseRecordHtml.class, PrognosisPanelHtml.class})
class CaseControllerTest {

    static final String HOSTILE = "Squamous cell carcinoma <script>alert('pwned')</script> margins <b>clear</b>.";

    @Autowired
    MockMvc mvc;
    @Autowired
    PrognosisPanelHtml panels;
    @MockitoBean
    CaseStore store;
    @MockitoBean
    FlagReviews flags;
    @MockitoBean
    SimilarCases similar;
    @MockitoBean
    PrognosisSource prognosis;
    @MockitoBean
    AuditTrail audit;

    private PatientCase hostileCase;

    @BeforeEach
    void aCaseWhoseReportTextContainsMarkup() {
        PatientCase demo = DemoCases.all().get(1).patientCase();
        int start = HOSTILE.indexOf("<script>");
        PathologyReport report = new PathologyReport("PATH-X", LocalDate.of(2026, 9, 18), HOSTILE,
                List.of(new ExtractedFact(ExtractedFact.ReportField.HISTOLOGY, "Squamous cell carcinoma", 0, 23, false),
                        new ExtractedFact(ExtractedFact.ReportField.MARGIN, "NEGATIVE", start, HOSTILE.indexOf(" margins"),
                                false)),
                SourceRef.fhir("DiagnosticReport/path-x", LocalDate.of(2026, 9, 18)));
        hostileCase = new PatientCase(null, demo.caseKey(), demo.site(), demo.caseVersion(), demo.assembledAt(),
                demo.demographics(), demo.primaryCancer(), demo.staging(), demo.imaging(), List.of(report), demo.treatments(),
                demo.clinical(), null, null, demo.flags(), null);
        when(store.version(demo.caseKey(), 2)).thenReturn(hostileCase);
        when(store.summary(demo.caseKey())).thenReturn(Optional.of(new CaseSummary(demo.caseKey(), 2, demo.site(),
                "Lower lobe of left lung", "Squamous cell carcinoma", "IIB", null, 2, 1, true, true, true, null)));
        when(store.displayIdentity(demo.caseKey())).thenReturn(Optional.of("MRN-100388"));
        when(flags.panel(any())).thenReturn(List.of());
        when(similar.nearest(any())).thenReturn(List.of());
        when(prognosis.forCase(any())).thenReturn(new NoPromotedModel().forCase(hostileCase));
    }

    private String page(String key) throws Exception {
        return mvc.perform(get("/cases/" + key)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void reportTextWithMarkupRendersInertEvenInsideAHighlightedFact() throws Exception {
        String html = page(hostileCase.caseKey());
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>clear</b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
        assertThat(html).contains("<mark class=\"fact\" title=\"HISTOLOGY = Squamous cell carcinoma\">Squamous cell carcinoma</mark>");
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void aBoardMemberSeesTheSiteDisplayIdentityAndTheViewIsAudited() throws Exception {
        assertThat(page(hostileCase.caseKey())).contains("MRN-100388");
        verify(audit).record(eq("member"), eq("CASE_VIEW"), eq("case:" + hostileCase.caseKey()), any());
    }

    @Test
    @WithMockUser(username = "datasci", roles = "DATA_SCIENTIST")
    void aDataScientistSeesOnlyThePseudonymousKey() throws Exception {
        String html = page(hostileCase.caseKey());
        assertThat(html).contains(hostileCase.caseKey()).doesNotContain("MRN-100388");
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void theModelPanelSaysHonestlyThatNoModelIsPromoted() throws Exception {
        assertThat(page(hostileCase.caseKey())).contains("No model promoted yet").doesNotContain("survival-chart");
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void aPredictionIsDrawnWithItsBandRiskIntervalContributionsAndModelCardLink() throws Exception {
        when(prognosis.forCase(any())).thenReturn(new io.tumorboard.board.prognosis.Prognosis.Predicted(
                new io.tumorboard.board.prognosis.Prognosis.ModelVersion("2026.12.1", "/models#model-2026.12.1"),
                List.of(new io.tumorboard.board.prognosis.Prognosis.SurvivalPoint(365, 0.9, 0.9, 0.9),
                        new io.tumorboard.board.prognosis.Prognosis.SurvivalPoint(730, 0.7, 0.6, 0.8)),
                0.3, 0.2, 0.4, 730, java.util.Map.of("imaging", 0.05), List.of("pathology is missing"),
                new io.tumorboard.board.prognosis.RiskGroup.Placed(9, 10, "high", 0.42, 0.40, 0.47, 20, 0.43, 0.38,
                        1096, null)));
        String html = page(hostileCase.caseKey());
        assertThat(html).contains("high — group 9 of 10", "42.0%", "observed risk was", "38.0%",
                "model card's calibration table");
        assertThat(html).contains("id=\"survival-chart\"", "data-days=\"365,730\"", "data-lower=\"0.9,0.6\"",
                "/webjars/chart.js/4.4.9/dist/chart.umd.js", "/js/prognosis.js", "href=\"/models#model-2026.12.1\"",
                "5.0 points", "pathology is missing", "within <span>730</span> days");
        assertThat(html).doesNotContain("No model promoted yet");
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void aPredictionWithoutACalibrationTableShowsNoRiskGroupAndSaysWhy() throws Exception {
        when(prognosis.forCase(any())).thenReturn(new io.tumorboard.board.prognosis.Prognosis.Predicted(
                new io.tumorboard.board.prognosis.Prognosis.ModelVersion("2026.12.1", "/models#model-2026.12.1"),
                List.of(new io.tumorboard.board.prognosis.Prognosis.SurvivalPoint(730, 0.7, 0.6, 0.8)),
                0.3, 0.2, 0.4, 730, java.util.Map.of(), List.of(),
                new io.tumorboard.board.prognosis.RiskGroup.NotPlaced("No risk group: no calibration table.")));
        String html = page(hostileCase.caseKey());
        assertThat(html).contains("No risk group: no calibration table.").doesNotContain("Risk group:");
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void anAbstentionIsExplicitAndShowsNoNumber() throws Exception {
        when(prognosis.forCase(any())).thenReturn(new io.tumorboard.board.prognosis.Prognosis.Abstained(
                new io.tumorboard.board.prognosis.Prognosis.ModelVersion("2026.12.1", "/models#model-2026.12.1"),
                "the case lies outside the training data"));
        String html = page(hostileCase.caseKey());
        assertThat(html).contains("id=\"abstained\"", "abstained", "the case lies outside the training data")
                .doesNotContain("survival-chart");
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void theKeptModelPanelIsEscapedAndEachPrognosisShowsItsOwnPanel() throws Exception {
        io.tumorboard.board.prognosis.Prognosis.ModelVersion model =
                new io.tumorboard.board.prognosis.Prognosis.ModelVersion("2026.12.1", "/models#model-2026.12.1");
        when(prognosis.forCase(any())).thenReturn(new io.tumorboard.board.prognosis.Prognosis.Abstained(model,
                "<script>alert(1)</script> outside the training data"));
        String first = page(hostileCase.caseKey());
        assertThat(first).contains("&lt;script&gt;alert(1)&lt;/script&gt; outside the training data")
                .doesNotContain("<script>alert(1)");
        io.tumorboard.board.prognosis.Prognosis shown = prognosis.forCase(hostileCase);
        assertThat(panels.of(shown)).as("rendered once, then kept").isSameAs(panels.of(shown));

        when(prognosis.forCase(any())).thenReturn(new io.tumorboard.board.prognosis.Prognosis.Abstained(model,
                "a new model version, another reason"));
        assertThat(page(hostileCase.caseKey())).contains("a new model version, another reason")
                .doesNotContain("outside the training data");
    }

    @Test
    @WithMockUser(username = "member", roles = "BOARD_MEMBER")
    void anUnknownCaseIsNotFoundWithItsKeyNamed() throws Exception {
        when(store.summary("nope")).thenReturn(Optional.empty());
        String html = mvc.perform(get("/cases/nope")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("no case with key nope");
    }
}
