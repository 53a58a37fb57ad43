package io.tumorboard.model.learning.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.model.cases.CaseJson;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteFeatureSummaryTest {

    private final List<PatientCase> cohort = new SyntheticCohort(21).cases(300, List.of("site-a", "site-b"));

    private List<PatientCase> of(String site) {
        return cohort.stream().filter(c -> c.site().equals(site)).toList();
    }

    @Test
    void aSummaryHoldsNoCellBelowTheThresholdAndSurvivesJson() throws Exception {
        SiteFeatureSummary s = SiteFeatureSummary.of("site-a", of("site-a"));
        assertThat(s.termDocuments().values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(SiteFeatureSummary.MIN_CELL));
        assertThat(s.histologies().values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(SiteFeatureSummary.MIN_CELL));
        assertThat(s.radiomics().values()).allSatisfy(r -> assertThat(r.count()).isGreaterThanOrEqualTo(SiteFeatureSummary.MIN_CELL));
        assertThat(s.cases()).isEqualTo(of("site-a").size());
        String json = CaseJson.mapper().writeValueAsString(s);
        assertThat(CaseJson.mapper().readValue(json, SiteFeatureSummary.class)).isEqualTo(s);
        assertThatThrownBy(() -> SiteFeatureSummary.of("site-a", of("site-b"))).hasMessageContaining("site-b");
    }

    @Test
    void aPipelineFromSummariesHasThePooledFitsInputsAndCloseScales() {
        FeaturePipeline pooled = FeaturePipeline.fit(cohort);
        FeaturePipeline federated = FeaturePipeline.fromSummaries(List.of(SiteFeatureSummary.of("site-a", of("site-a")),
                SiteFeatureSummary.of("site-b", of("site-b"))));
        assertThat(federated.featureNames(Modality.IMAGING)).containsExactlyInAnyOrderElementsOf(
                pooled.featureNames(Modality.IMAGING));
        assertThat(federated.featureNames(Modality.CLINICAL)).isEqualTo(pooled.featureNames(Modality.CLINICAL));
        // Words in >= 2 reports overall but < 5 at each site are the documented loss of the small-cell rule.
        assertThat(pooled.featureNames(Modality.PATHOLOGY)).containsAll(federated.featureNames(Modality.PATHOLOGY));
        assertThat(federated.width(Modality.PATHOLOGY)).isGreaterThan(pooled.width(Modality.PATHOLOGY) / 2);
        RobustScale pooledAge = pooled.clinical().ageScale();
        RobustScale federatedAge = federated.clinical().ageScale();
        assertThat(federatedAge.median()).isCloseTo(pooledAge.median(), org.assertj.core.data.Offset.offset(3.0));
        assertThat(federatedAge.iqr()).isCloseTo(pooledAge.iqr(), org.assertj.core.data.Offset.offset(0.25 * pooledAge.iqr()));
        assertThat(federated.radiomics().harmonization().sites()).containsOnlyKeys("site-a", "site-b");
        assertThat(federated.encode(of("site-a").get(0)).has(Modality.CLINICAL)).isTrue();
    }
}
