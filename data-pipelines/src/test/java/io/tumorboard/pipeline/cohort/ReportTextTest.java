package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachHospitalWritesPathologyInItsOwnStyle() throws IOException {
        assertThat(share(pathologyTexts("hospital-a").values(), t -> t.contains("Lymphovascular invasion:")))
                .isGreaterThan(0.9);
        assertThat(share(pathologyTexts("hospital-b").values(), t -> t.contains("FINAL DIAGNOSIS")))
                .isGreaterThan(0.9);
        List<String> scanned = new ArrayList<>();
        try (var files = Files.list(SmallCohort.folder().resolve("hospital-c/reports"))) {
            for (Path file : files.toList()) {
                // Latin-1 reads every byte; the one addendum saved in Latin-1 is a listed rejection.
                scanned.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(scanned).isNotEmpty().allSatisfy(t -> assertThat(t.strip()).doesNotContain("\n"));
        assertThat(share(scanned, t -> t.contains("Material examined"))).isGreaterThan(0.8);
    }

    @Test
    void lymphovascularInvasionIsWrittenAsTheTruthSaysIncludingItsNegation() throws IOException {
        Map<String, String> texts = pathologyTexts("hospital-b");
        List<Boolean> agree = new ArrayList<>();
        for (String line : Files.readAllLines(SmallCohort.folder().resolve("truth/hospital-b/patients.jsonl"))) {
            JsonNode p = json.readTree(line);
            String text = texts.get(p.get("patientResourceId").asText() + "-path");
            if (text == null || !p.get("surgery").asBoolean()) {
                continue;
            }
            String upper = text.toUpperCase(Locale.ROOT).replace(" ", "");
            boolean negated = upper.contains("NOLYMPHOVASCULARINVASION") || upper.contains("NEGATIVEFORANGIOLYMPHATIC")
                    || upper.contains("LVI:NOTSEEN");
            boolean present = upper.contains("LYMPHOVASCULARINVASIONISPRESENT")
                    || upper.contains("ANGIOLYMPHATICINVASIONIDENTIFIED");
            agree.add(p.get("lymphovascularInvasion").asBoolean() ? present && !negated : negated && !present);
        }
        assertThat(agree).hasSizeGreaterThan(10);
        assertThat(share(agree, Boolean::booleanValue)).as("share readable despite OCR noise").isGreaterThan(0.9);
    }

    @Test
    void pathologyOnlyFindingsAreNeverStructured() throws IOException {
        for (String site : SmallCohort.SITES) {
            for (String type : List.of("Observation", "Condition", "Procedure")) {
                String records = Files.readString(SmallCohort.folder().resolve(site + "/fhir/" + type + ".ndjson"),
                        StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                assertThat(records).doesNotContain("lymphovascular").doesNotContain("margin");
            }
        }
    }

    @Test
    void ocrNoiseDamagesLongWordsButNeverNumbersAndJoinsWrappedLines() {
        String text = "Lymphovascular invasion identified\nTumor size 32 mm and 4.5 cm";
        String noisy = OcrNoise.apply(text, 1.0, 20, new SplittableRandom(3));

        assertThat(noisy).doesNotContain("\n").contains(". ").contains("32").contains("4.5");
        assertThat(noisy).doesNotContain("Lymphovascular").doesNotContain("invasion").doesNotContain("identified");
        assertThat(OcrNoise.apply(text, 0.0, 0, new SplittableRandom(3))).isEqualTo(text);
    }

    private Map<String, String> pathologyTexts(String site) throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (String line : Files.readAllLines(SmallCohort.folder().resolve(site + "/fhir/DiagnosticReport.ndjson"),
                StandardCharsets.ISO_8859_1)) {
            JsonNode report;
            try {
                report = json.readTree(line);
            } catch (IOException brokenLine) {
                continue;
            }
            if (report.path("category").path(0).path("coding").path(0).path("code").asText().equals("SP")) {
                String data = report.path("presentedForm").path(0).path("data").asText();
                texts.putIfAbsent(report.get("id").asText(),
                        new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static <T> double share(java.util.Collection<T> items, Predicate<T> test) {
        return items.stream().filter(test).count() / (double) items.size();
    }
}
