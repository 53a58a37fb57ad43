package io.tumorboard.pipeline.cohort;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the demo cohort: per site an export as a hospital would send it, plus the truth behind it.
 * Deterministic: the same settings give the same bytes (no clock, no hash-ordered map, no default time zone).
 */
public final class CohortGenerator {

    /** Bumped whenever the same seed would give other bytes. */
    public static final String VERSION = "1.2.0";

    private static final Logger LOG = LoggerFactory.getLogger(CohortGenerator.class);

    private final FhirContext fhir;
    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final ObjectMapper jsonLines = JsonMapper.builder().build();

    /** @param fhir the JVM's FHIR context ({@code FhirContext.forR4Cached()}) */
    public CohortGenerator(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Generates the cohort; {@code patientDone} runs after every patient (for a progress bar). */
    public CohortSummary generate(CohortSettings settings, Runnable patientDone) {
        try {
            Files.createDirectories(settings.out().resolve("truth"));
            List<SiteSummary> sites = new ArrayList<>();
            for (int i = 0; i < settings.sites().size(); i++) {
                SiteProfile profile = SiteProfile.of(settings.sites().get(i), i);
                SiteSummary site = new SiteExport(profile, settings.seed(), fhir, jsonLines)
                        .write(settings.patientsPerSite(), settings.out(), patientDone);
                LOG.info("site {}: {} patients, {} malformed records", site.site(), site.patients(), site.malformed());
                sites.add(site);
            }
            CohortSummary summary = new CohortSummary(VERSION, settings.seed(), settings.out(), sites);
            json.writeValue(settings.out().resolve("truth").resolve("survival-model.json").toFile(),
                    SurvivalModel.describe());
            json.writeValue(settings.out().resolve("cohort.json").toFile(), cohortJson(settings, summary));
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cohort to " + settings.out(), e);
        }
    }

    private static Map<String, Object> cohortJson(CohortSettings settings, CohortSummary summary) {
        Map<String, Object> cohort = new LinkedHashMap<>();
        cohort.put("generator", "io.tumorboard.pipeline.cohort.CohortGenerator");
        cohort.put("generatorVersion", VERSION);
        cohort.put("seed", settings.seed());
        cohort.put("sites", settings.sites());
        cohort.put("patientsPerSite", settings.patientsPerSite());
        cohort.put("patients", summary.patients());
        Map<String, Object> perSite = new LinkedHashMap<>();
        for (SiteSummary site : summary.sites()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("patients", site.patients());
            counts.put("records", site.recordsPerFile());
            counts.put("discrepancies", site.discrepanciesPerType());
            counts.put("malformed", site.malformedPerKind());
            perSite.put(site.site(), counts);
        }
        cohort.put("counts", perSite);
        cohort.put("discrepanciesPerType", summary.discrepanciesPerType());
        cohort.put("malformedRecords", summary.malformed());
        return cohort;
    }
}
