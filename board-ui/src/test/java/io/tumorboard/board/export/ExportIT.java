package io.tumorboard.board.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.decision.Agreement;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.board.decision.DecisionService;
import io.tumorboard.board.decision.TreatmentIntent;
import io.tumorboard.board.decision.TreatmentModality;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.meeting.MeetingRepository;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@BoardIntegrationTest
class ExportIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MeetingRepository meetings;
    @Autowired
    DecisionService decisions;
    @Autowired
    FhirContext fhir;

    private long meeting;
    private long decision;
    private final String caseKey = DemoCases.all().get(0).patientCase().caseKey();

    @BeforeEach
    void aSignedDecision() {
        TestBoard.prepare(context);
        meeting = meetings.create(LocalDate.of(2026, 12, 9), "Thoracic / lung", "chair", "chair");
        meetings.addToAgenda(meeting, caseKey, "Adjuvant therapy after pN2?", "chair");
        meetings.addToAgenda(meeting, DemoCases.all().get(3).patientCase().caseKey(), "Confirm surveillance", "chair");
        decisions.save(meeting, caseKey, 0, 0, new DecisionContent(TreatmentIntent.CURATIVE,
                TreatmentModality.ADJUVANT_SYSTEMIC_THERAPY, "NCCN NSCLC v5.2026, NSCL-4", "pN2 after lobectomy",
                "Dr. Test Chair, Dr. Test Member", Agreement.DISSENT, "Dr. Test Member prefers PORT first", "CT 3 months"),
                "member");
        decision = decisions.sign(meeting, caseKey, 1, 0, "chair").id();
    }

    @Test
    void theMinutesArriveAsAPdfWithTheDecisionTheDissentAndTheUndecidedCase() throws Exception {
        HttpResponse<byte[]> pdf = new BoardClient(port).login("member", TestBoard.PASSWORD)
                .getBytes("/meetings/" + meeting + "/minutes.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains(caseKey, "Signed by chair", "dissent", "prefers PORT first", "No decision recorded");
    }

    @Test
    void aDecisionExportsAsFhirR4ThatReparsesWithItsCarePlanAndStageObservations() {
        HttpResponse<String> answer = new BoardClient(port).login("chair", TestBoard.PASSWORD)
                .get("/api/decisions/" + decision + "/fhir");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, answer.body());
        CarePlan plan = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(CarePlan.class::isInstance).map(CarePlan.class::cast).findFirst().orElseThrow();
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getNote()).anyMatch(n -> n.getText().contains("prefers PORT first"));
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource().fhirType().equals("Observation")).hasSize(7);
    }
}
