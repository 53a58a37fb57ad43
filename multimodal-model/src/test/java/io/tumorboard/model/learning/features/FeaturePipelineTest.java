package io.tumorboard.model.learning.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {

    private final List<PatientCase> training = new SyntheticCohort(5).cases(120, List.of("site-a", "site-b", "site-c"));
    private final FeaturePipeline pipeline = FeaturePipeline.fit(training);

    @Test
    void siteHarmonizationBringsEachSitesMedianVolumeOntoTheReference() {
        // The cohort shifts and scales radiomics by site; after harmonization the site medians must agree.
        int volume = pipeline.radiomics().featureNames().indexOf("original_shape_MeshVolume");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String site : List.of("site-a", "site-b", "site-c")) {
            double[] values = training.stream().filter(c -> c.site().equals(site))
                    .mapToDouble(c -> pipeline.encode(c).imaging()[volume]).sorted().toArray();
            medians.put(site, values[values.length / 2]);
        }
        assertThat(medians.values()).allSatisfy(m -> assertThat(Math.abs(m)).isLessThan(0.3));
    }

    @Test
    void theVocabularyHoldsOnlyWordsOfTheTrainingText() {
        assertThat(pipeline.vocabulary().terms()).contains("adenocarcinoma", "pt3").doesNotContain("mesothelioma");
    }

    @Test
    void aNotANumberRadiomicsValueIsSetToTheMedianWithAWarning() {
        CaseFeatures features = pipeline.encode(withRadiomics(training.get(0), "original_shape_MeshVolume", Double.NaN));
        assertThat(features.has(Modality.IMAGING)).isTrue();
        assertThat(features.warnings()).anyMatch(w -> w.contains("missing or not a number"));
    }

    @Test
    void anAbsurdRadiomicsValueIsClippedWithAWarningNamingTheFeature() {
        CaseFeatures features = pipeline.encode(withRadiomics(training.get(0), "original_shape_MeshVolume", 1e9));
        int volume = pipeline.radiomics().featureNames().indexOf("original_shape_MeshVolume");
        assertThat(features.imaging()[volume]).isEqualTo((float) RadiomicsEncoder.CLIP_IQR);
        assertThat(features.warnings()).anyMatch(w -> w.contains("original_shape_MeshVolume") && w.contains("clipped"));
    }

    @Test
    void anUnknownHistologyIsEncodedAsOtherWithAWarning() {
        PatientCase c = training.get(0);
        PrimaryCancer p = c.primaryCancer();
        PatientCase odd = new PatientCase(null, c.caseKey(), c.site(), 1, null, c.demographics(),
                new PrimaryCancer(p.topographyCode(), p.bodySite(), p.laterality(), "Carcinoid tumour", null, null, null),
                c.staging(), c.imaging(), c.pathology(), c.treatments(), c.clinical(), c.outcome(), null, null, null);
        CaseFeatures features = pipeline.encode(odd);
        int other = pipeline.clinical().featureNames().indexOf("histology_other");
        assertThat(features.clinical()[other]).isEqualTo(1f);
        assertThat(features.warnings()).anyMatch(w -> w.contains("carcinoid tumour") && w.contains("other"));
    }

    @Test
    void anEmptyPathologyTextMakesPathologyAbsentWithAWarning() {
        PatientCase c = training.get(0);
        PatientCase empty = new PatientCase(null, c.caseKey(), c.site(), 1, null, c.demographics(), c.primaryCancer(),
                c.staging(), c.imaging(), List.of(new PathologyReport("r", null, "  ", null, null)), List.of(), c.clinical(),
                c.outcome(), null, null, null);
        CaseFeatures features = pipeline.encode(empty);
        assertThat(features.has(Modality.PATHOLOGY)).isFalse();
        assertThat(features.pathology()).containsOnly(0f);
        assertThat(features.warnings()).anyMatch(w -> w.contains("text is empty"));
    }

    @Test
    void aNewSiteIsWarnedAboutUntilItsOwnHarmonizationIsFittedFromItsOwnCases() {
        List<PatientCase> newSite = new SyntheticCohort(6).cases(40, List.of("site-z")).stream()
                .map(c -> withRadiomics(c, "original_shape_MeshVolume",
                        c.imaging().get(0).radiomics().get("original_shape_MeshVolume") * 3 + 50))
                .toList();
        assertThat(pipeline.encode(newSite.get(0)).warnings()).anyMatch(w -> w.contains("not harmonized"));
        FeaturePipeline local = pipeline.withSiteHarmonization("site-z", newSite);
        int volume = local.radiomics().featureNames().indexOf("original_shape_MeshVolume");
        double[] values = newSite.stream().mapToDouble(c -> local.encode(c).imaging()[volume]).sorted().toArray();
        assertThat(local.encode(newSite.get(0)).warnings()).noneMatch(w -> w.contains("not harmonized"));
        double[] unharmonized = newSite.stream().mapToDouble(c -> pipeline.encode(c).imaging()[volume]).sorted()
                .toArray();
        // 40 own cases against 10 pooled pseudo-cases: 80% of the site shift is removed, by design.
        assertThat(Math.abs(values[values.length / 2])).isLessThan(Math.abs(unharmonized[values.length / 2]) / 3);
        assertThat(local.vocabulary()).isEqualTo(pipeline.vocabulary());
    }

    private static PatientCase withRadiomics(PatientCase c, String feature, double value) {
        ImagingStudy s = c.imaging().get(0);
        Map<String, Double> radiomics = new LinkedHashMap<>(s.radiomics());
        radiomics.put(feature, value);
        return new PatientCase(null, c.caseKey(), c.site(), 1, null, c.demographics(), c.primaryCancer(), c.staging(),
                List.of(new ImagingStudy(s.studyId(), s.date(), s.modality(), radiomics, "", null, null, null, null)),
                c.pathology(), c.treatments(), c.clinical(), c.outcome(), null, null, null);
    }
}
