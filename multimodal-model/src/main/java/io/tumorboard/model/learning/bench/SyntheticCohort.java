package io.tumorboard.model.learning.bench;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.ClinicalFacts;
import io.tumorboard.model.cases.Demographics;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.Outcome;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic lung cohort for benchmarks and tests, never for claims about patients: a latent T category
 * drives tumour volume (radiomics), the pT written in the pathology text, and an exponential survival time;
 * each site shifts and scales the radiomics as a scanner would; follow-up is censored uniformly. The demo
 * cohort generator in data-pipelines replaces it for realistic runs.
 */
public final class SyntheticCohort {

    private static final String[] HISTOLOGY = {"Adenocarcinoma", "Squamous cell carcinoma"};
    private static final LocalDate START = LocalDate.of(2015, 1, 1);

    private final Random random;

    public SyntheticCohort(long seed) {
        this.random = new Random(seed);
    }

    public List<PatientCase> cases(int count, List<String> sites) {
        List<PatientCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(next("case-" + i, sites.get(i % sites.size())));
        }
        return cases;
    }

    private PatientCase next(String key, String site) {
        int t = 1 + random.nextInt(4);
        int n = random.nextDouble() < 0.15 * t ? 1 + random.nextInt(2) : 0;
        int siteIndex = Math.abs(site.hashCode()) % 3;
        double siteShift = 0.3 * siteIndex;
        double siteScale = 1 + 0.2 * siteIndex;
        Map<String, Double> radiomics = new LinkedHashMap<>();
        double volume = Math.exp(1.0 + 0.6 * t + 0.3 * random.nextGaussian());
        radiomics.put("original_shape_MeshVolume", (volume + siteShift) * siteScale);
        radiomics.put("original_shape_Sphericity", (0.8 - 0.05 * t + 0.05 * random.nextGaussian()) * siteScale);
        radiomics.put("original_firstorder_Entropy", (3 + 0.2 * t + 0.3 * random.nextGaussian() + siteShift));
        radiomics.put("original_glcm_Contrast", (10 + 3 * random.nextGaussian()) * siteScale);
        String histology = HISTOLOGY[random.nextInt(2)];
        String text = String.format("Lobectomy specimen. %s, %s. Tumor size %.1f cm. pT%d pN%d. Margins negative. %s",
                histology, random.nextBoolean() ? "moderately differentiated" : "poorly differentiated",
                1.0 + t * 1.4 + 0.3 * random.nextGaussian(), t, n,
                random.nextBoolean() ? "No lymphovascular invasion." : "Lymphovascular invasion present.");
        int age = 50 + random.nextInt(35);
        double hazardPerYear = 0.08 * Math.exp(0.45 * (t - 1) + 0.5 * n + 0.02 * (age - 65));
        int deathDays = (int) Math.max(1, -Math.log(random.nextDouble()) / hazardPerYear * 365);
        int censorDays = 200 + random.nextInt(2000);
        Outcome outcome = new Outcome(Math.min(deathDays, censorDays), deathDays <= censorDays, null);
        SourceRef stageSource = SourceRef.fhir("Observation/" + key + "-pT", START);
        List<StageObservation> staging = List.of(
                new StageObservation(StageBasis.PATHOLOGICAL, StageDescriptor.T, "T" + t, AjccEdition.EIGHTH, START,
                        stageSource),
                new StageObservation(StageBasis.PATHOLOGICAL, StageDescriptor.N, "N" + n, AjccEdition.EIGHTH, START,
                        SourceRef.fhir("Observation/" + key + "-pN", START)));
        return new PatientCase(null, key, site, 1, null, new Demographics(random.nextBoolean() ? "male" : "female", age),
                new PrimaryCancer("C34.1", "Upper lobe of lung", Laterality.RIGHT, histology, null, START, null),
                staging,
                List.of(new ImagingStudy(key + "-ct", START, "CT", radiomics, "", null, null, null, null)),
                List.of(new PathologyReport(key + "-path", START, text, null, null)), List.of(),
                new ClinicalFacts(random.nextInt(3), SmokingStatus.values()[random.nextInt(4)],
                        random.nextDouble() < 0.3 ? null : 10 + 30 * random.nextDouble(), null, null, null, null, null),
                outcome, null, null, null);
    }
}
