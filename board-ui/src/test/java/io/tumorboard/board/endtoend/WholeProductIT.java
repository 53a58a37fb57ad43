package io.tumorboard.board.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUser;
import io.tumorboard.board.security.BoardUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole product on a small cohort: three hospitals' exports through the Flink pipeline into one case store,
 * the fusion model trained by federated averaging across three site nodes over mutual TLS and promoted, and the
 * workbench started on what those left on disk. Through the workbench's HTTP API and in a real Chromium, a case
 * the pipeline assembled shows the federated model's prognosis and its discrepancy flags with their evidence, and
 * a decision the chair records exports as FHIR R4 and in the PDF minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeProductIT {

    private static final String PASSWORD = "end-to-end-password-2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SmallProduct product;
    private static WebDriver browser;
    private static String discussedCase;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void workbenchOnTheProductsFiles(DynamicPropertyRegistry registry) throws Exception {
        product = SmallProduct.build();
        registry.add("spring.datasource.url", product::caseStoreUrl);
        registry.add("board.models.registry", () -> product.registry().toString());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void boardMembers() {
        BoardUsers users = context.getBean(BoardUsers.class);
        if (!users.exists("chair")) {
            users.create(new BoardUser("chair", "Dr. End-to-End Chair", BoardRole.CHAIR, "thoracic oncology"),
                    PASSWORD, false);
        }
    }

    @Test
    @Order(1)
    void everyHospitalsPatientsArriveAsOneCaseEachAndEveryRunReconciles() throws Exception {
        List<JsonNode> cases = cases();
        String pipelineLog = Files.readString(product.work.resolve("logs").resolve("pipeline.log"));
        for (String site : SmallProduct.SITES) {
            long expected = expectedCases(site);
            assertThat(cases.stream().filter(c -> c.get("site").asText().equals(site)).count())
                    .as("cases of %s in the workbench's case store", site).isEqualTo(expected);
            assertThat(pipelineLog).as("the pipeline's report at %s", site)
                    .containsPattern("site " + site + "\\n(?s:.*?)counts reconcile");
        }
    }

    @Test
    @Order(2)
    void aPipelineCaseShowsTheFederatedModelsPrognosisAndItsDiscrepancyFlagsWithEvidence() throws Exception {
        String promoted = Files.readString(product.registry().resolve("promoted")).strip();
        assertThat(promoted).as("the federation promoted a version").isNotBlank();
        for (JsonNode summary : cases()) {
            if (summary.get("flagCount").asInt() == 0) {
                continue;
            }
            String key = summary.get("caseKey").asText();
            JsonNode patientCase = JSON.readTree(get("/api/cases/" + key).body());
            JsonNode discrepancy = discrepancyWithTwoSources(patientCase);
            JsonNode prognosis = JSON.readTree(get("/api/cases/" + key + "/prognosis").body());
            if (discrepancy == null || !prognosis.get("kind").asText().equals("predicted")) {
                continue;
            }
            assertThat(prognosis.at("/model/version").asText()).isEqualTo(promoted);
            assertThat(prognosis.get("risk").asDouble()).isBetween(0.0, 1.0);
            assertThat(prognosis.get("riskLow").asDouble()).isLessThanOrEqualTo(prognosis.get("riskHigh").asDouble());
            assertThat(prognosis.get("curve").size()).isGreaterThan(1);
            assertThat(discrepancy.get("ruleId").asText()).isNotBlank();
            assertThat(discrepancy.get("ruleSource").asText()).isNotBlank();
            discussedCase = key;
            return;
        }
        throw new AssertionError("no case of the pipeline carries a discrepancy flag with two sourced values and a "
                + "prediction of the promoted model " + promoted);
    }

    @Test
    @Order(3)
    void theChairRecordsTheDecisionInTheBrowserAndItExportsAsFhirAndInTheMinutes() throws Exception {
        assertThat(discussedCase).as("the case found by the previous step").isNotNull();
        browser = HeadlessChromium.start();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("chair");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(By.id("logout"));

        browser.get(url("/meetings"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-12-16'",
                browser.findElement(By.id("date")));
        browser.findElement(By.id("create-meeting")).click();
        waitFor(By.id("case-search")).sendKeys(discussedCase);
        browser.findElement(By.id("search")).click();
        waitFor(By.xpath("//input[@name='caseKey' and @value='" + discussedCase + "']/.."))
                .findElement(By.cssSelector("button.add-to-agenda")).click();
        waitFor(By.cssSelector("a.case-link")).click();

        String promoted = Files.readString(product.registry().resolve("promoted")).strip();
        WebElement prognosis = waitFor(By.id("prognosis"));
        assertThat(prognosis.getText()).contains(promoted);
        assertThat(browser.findElements(By.id("survival-chart"))).hasSize(1);
        assertThat(browser.findElement(By.id("flags")).getText()).containsAnyOf(
                "CLINICAL_PATHOLOGICAL_STAGE_CONFLICT", "EXPECTED_RESTAGING", "STAGE_GROUP_INCONSISTENT",
                "STAGE_EDITION_MISMATCH", "LATERALITY_CONFLICT", "TUMOR_SIZE_CONFLICT", "HISTOLOGY_CONFLICT");

        browser.findElement(By.id("decision-link")).click();
        new Select(waitFor(By.id("intent"))).selectByValue("CURATIVE");
        new Select(browser.findElement(By.id("modality"))).selectByValue("ADJUVANT_SYSTEMIC_THERAPY");
        browser.findElement(By.id("guidelineReference")).sendKeys("NCCN NSCLC v5.2026, NSCL-4");
        browser.findElement(By.id("rationale")).sendKeys("Stage reviewed against both sources; adjuvant therapy.");
        browser.findElement(By.id("save-decision")).click();
        waitFor(By.id("decision-saved"));
        browser.findElement(By.id("sign-off")).click();
        assertThat(waitFor(By.id("decision-status")).getText()).isEqualTo("SIGNED");
        String fhirPath = URI.create(browser.findElement(By.id("fhir-export")).getAttribute("href")).getPath();

        Bundle bundle = FhirContext.forR4().newJsonParser().parseResource(Bundle.class,
                get("/api" + fhirPath).body());
        List<ResourceType> types = new ArrayList<>();
        bundle.getEntry().forEach(entry -> types.add(entry.getResource().getResourceType()));
        assertThat(types).contains(ResourceType.CarePlan, ResourceType.ClinicalImpression, ResourceType.Observation);
        assertThat(bundle.getEntry()).anySatisfy(entry -> assertThat(entry.getResource())
                .isInstanceOfSatisfying(Observation.class, stage -> assertThat(stage.getMethod().getCodingFirstRep()
                        .getSystem()).isEqualTo("http://snomed.info/sct")));
        assertThat(bundle.getEntry()).anySatisfy(entry -> assertThat(entry.getResource())
                .isInstanceOf(CarePlan.class));
        assertThat(bundle.getEntry()).anySatisfy(entry -> assertThat(entry.getResource())
                .isInstanceOfSatisfying(ClinicalImpression.class,
                        impression -> assertThat(impression.getStatus().toCode()).isEqualTo("completed")));

        HttpResponse<byte[]> minutes = http.send(authorised(onlyMeeting() + "/minutes.pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(minutes.statusCode()).isEqualTo(200);
        PdfReader pdf = new PdfReader(minutes.body());
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(pdf).getTextFromPage(page));
        }
        assertThat(text.toString().replaceAll("\\s+", "")).contains(discussedCase.substring(0, 12))
                .contains("NCCNNSCLCv5.2026");
    }

    private String onlyMeeting() throws Exception {
        JsonNode meetings = JSON.readTree(get("/api/meetings").body());
        assertThat(meetings.size()).as("meetings in the workbench").isEqualTo(1);
        return "/meetings/" + meetings.get(0).get("id").asLong();
    }

    private static JsonNode discrepancyWithTwoSources(JsonNode patientCase) {
        for (JsonNode flag : patientCase.get("flags")) {
            String type = flag.get("type").asText();
            boolean discrepancy = !type.equals("EXPECTED_RESTAGING") && (type.contains("CONFLICT")
                    || type.startsWith("STAGE_"));
            long sourced = 0;
            for (JsonNode evidence : flag.get("evidence")) {
                if (evidence.hasNonNull("source") && !evidence.at("/source/reference").asText().isBlank()) {
                    sourced++;
                }
            }
            if (discrepancy && sourced >= 2) {
                return flag;
            }
        }
        return null;
    }

    private long expectedCases(String site) throws IOException {
        Path expected = product.cohort().resolve("truth").resolve(site).resolve("expected-cases.jsonl");
        try (var lines = Files.lines(expected)) {
            return lines.filter(line -> !line.isBlank()).count() - 1;
        }
    }

    private List<JsonNode> cases() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(get("/api/cases").body()).forEach(all::add);
        return all;
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(authorised(path).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response;
    }

    private HttpRequest.Builder authorised(String path) {
        String basic = Base64.getEncoder().encodeToString(("chair:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(60));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(by));
    }
}
