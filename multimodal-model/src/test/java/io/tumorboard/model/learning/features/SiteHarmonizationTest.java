package io.tumorboard.model.learning.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteHarmonizationTest {

    /**
     * Site B's scanner reads 5 units higher, and B treats mostly stage IV disease, whose tumours measure 10 units
     * more than stage I at either site. Without the covariate, B's larger tumours would be pulled down.
     */
    @Test
    void theScannerShiftIsRemovedAndTheStageDifferenceKept() {
        List<String> sites = new ArrayList<>();
        List<String> strata = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        add(sites, strata, rows, "A", "I", 0, 40);
        add(sites, strata, rows, "A", "IV", 10, 10);
        add(sites, strata, rows, "B", "I", 5, 10);
        add(sites, strata, rows, "B", "IV", 15, 40);

        SiteHarmonization h = SiteHarmonization.fit(sites, strata, rows, 1);

        double stageIvAtA = h.harmonize("A", "IV", 0, 10);
        double stageIvAtB = h.harmonize("B", "IV", 0, 15);
        double stageIAtB = h.harmonize("B", "I", 0, 5);
        // Of the 5-unit shift, each site's 50 cases against 10 pseudo-cases of the pooled value leave 10/60.
        assertThat(stageIvAtB - stageIvAtA).isCloseTo(5 * SiteHarmonization.PRIOR_CASES / 60, within(1e-6));
        assertThat(stageIvAtB - stageIAtB).isCloseTo(10, within(1e-6));
        assertThat(h.stageEffects().get("IV").get(0) - h.stageEffects().get("I").get(0)).isCloseTo(10, within(0.05));
    }

    @Test
    void aPackageWrittenBeforeStageWasProtectedHarmonizesAsItDid() {
        RobustScale reference = new RobustScale(2.0, 4.0);
        RobustScale siteB = new RobustScale(7.0, 2.0);
        SiteHarmonization old = new SiteHarmonization(List.of(reference), Map.of("B", List.of(siteB)), null);
        assertThat(old.harmonize("B", "IV", 0, 9.0)).isEqualTo(reference.unscale(siteB.scale(9.0)));
    }

    @Test
    void aSiteRefitLocallyKeepsThePooledStageEffects() {
        List<String> sites = new ArrayList<>();
        List<String> strata = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        add(sites, strata, rows, "A", "I", 0, 40);
        add(sites, strata, rows, "A", "IV", 10, 40);
        SiteHarmonization pooled = SiteHarmonization.fit(sites, strata, rows, 1);
        List<String> localStrata = new ArrayList<>();
        List<double[]> local = new ArrayList<>();
        add(new ArrayList<>(), localStrata, local, "C", "IV", 25, 40);

        SiteHarmonization refit = pooled.withSite("C", localStrata, local);

        assertThat(refit.stageEffects()).isEqualTo(pooled.stageEffects());
        // C reads 15 units high; its 40 cases against 10 pseudo-cases leave 10/50 of that.
        assertThat(refit.harmonize("C", "IV", 0, 25) - pooled.harmonize("A", "IV", 0, 10))
                .isCloseTo(15 * SiteHarmonization.PRIOR_CASES / 50, within(1e-6));
    }

    private static void add(List<String> sites, List<String> strata, List<double[]> rows, String site,
                            String stratum, double centre, int count) {
        for (int i = 0; i < count; i++) {
            sites.add(site);
            strata.add(stratum);
            rows.add(new double[] {centre + (i - (count - 1) / 2.0) * 0.05});
        }
    }
}
