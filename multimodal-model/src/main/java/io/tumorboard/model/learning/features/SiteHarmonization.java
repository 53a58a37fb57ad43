package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ComBat-style per-site location/scale harmonization of radiomics features, with the documented stage group
 * protected as ComBat's covariate ({@link StageProtectedFit}).
 *
 * <p>Scanner and protocol move radiomics features by site (Fortin et al., NeuroImage 2018; Orlhac et al.,
 * J Nucl Med 2018 for PET/CT radiomics). ComBat removes a per-site additive and multiplicative effect per
 * feature after the covariates' effects (Johnson et al., Biostatistics 2007). We use its robust location/scale
 * core: each site's stage-adjusted median and within-stage IQR are mapped onto the pooled reference's, the
 * stage effect is put back, and a small site is shrunk towards the pooled values with {@link #PRIOR_CASES}
 * pseudo-cases, the empirical-Bayes idea of ComBat in its simplest form. Protecting stage keeps a site that
 * treats more advanced disease from having its larger tumours pulled towards the pooled median; other case-mix
 * differences (histology, age) are still partly flattened, stated in the model card.
 *
 * <p>The per-site statistics are aggregates (per-stage medians and IQRs), computed at each site, so a federated
 * site can fit its own entry with {@link #withSite} without sharing any case.
 *
 * @param reference pooled robust scale per feature (of the stage-adjusted values), in feature order
 * @param sites per site, its (shrunk) robust scale per feature, in feature order
 * @param stageEffects per stage stratum, its location effect per feature (feature order); empty in a package
 *        written before stage was protected, which then harmonizes exactly as it did
 */
public record SiteHarmonization(List<RobustScale> reference, Map<String, List<RobustScale>> sites,
                                Map<String, List<Double>> stageEffects) {

    /** Pseudo-cases of pooled evidence added to each site's own: a site of 10 cases moves half way. */
    static final double PRIOR_CASES = 10.0;

    @JsonCreator
    public SiteHarmonization(@JsonProperty("reference") List<RobustScale> reference,
                             @JsonProperty("sites") Map<String, List<RobustScale>> sites,
                             @JsonProperty("stageEffects") Map<String, List<Double>> stageEffects) {
        this.reference = List.copyOf(reference);
        this.sites = Map.copyOf(sites);
        this.stageEffects = stageEffects == null ? Map.of() : Map.copyOf(stageEffects);
    }

    /**
     * Fits the pooled reference, the stage effects and each site's scale from rows of raw values (NaN =
     * missing), each row with its site and stage stratum ({@link StageProtectedFit#stratum}).
     */
    static SiteHarmonization fit(List<String> siteOfRow, List<String> stratumOfRow, List<double[]> rows, int features) {
        List<StageProtectedFit.Feature> fitted = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            List<StageProtectedFit.Cell> cells = new ArrayList<>();
            for (String site : new TreeSet<>(siteOfRow)) {
                List<Integer> own = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    if (site.equals(siteOfRow.get(r))) {
                        own.add(r);
                    }
                }
                int feature = f;
                cells.addAll(StageProtectedFit.cells(site, own.stream().map(stratumOfRow::get).toList(),
                        own.stream().mapToDouble(r -> rows.get(r)[feature]).toArray(), 1));
            }
            fitted.add(StageProtectedFit.fit(cells));
        }
        return of(fitted);
    }

    /** The harmonization of fitted features (feature order); a site a feature has no cell of keeps the reference. */
    static SiteHarmonization of(List<StageProtectedFit.Feature> fitted) {
        List<RobustScale> reference = fitted.stream().map(StageProtectedFit.Feature::reference).toList();
        Set<String> siteNames = new TreeSet<>();
        Set<String> strata = new TreeSet<>();
        fitted.forEach(f -> {
            siteNames.addAll(f.sites().keySet());
            strata.addAll(f.stageEffects().keySet());
        });
        Map<String, List<RobustScale>> sites = new LinkedHashMap<>();
        for (String site : siteNames) {
            sites.put(site, fitted.stream().map(f -> f.sites().getOrDefault(site, f.reference())).toList());
        }
        Map<String, List<Double>> effects = new LinkedHashMap<>();
        for (String stratum : strata) {
            effects.put(stratum, fitted.stream().map(f -> f.stageEffects().getOrDefault(stratum, 0.0)).toList());
        }
        return new SiteHarmonization(reference, sites, effects);
    }

    /** The same harmonization with one site's entry (re)fitted on that site's own rows and their strata. */
    SiteHarmonization withSite(String site, List<String> stratumOfRow, List<double[]> rows) {
        List<RobustScale> own = new ArrayList<>();
        for (int f = 0; f < reference.size(); f++) {
            int feature = f;
            Map<String, Double> beta = new HashMap<>();
            stageEffects.forEach((stratum, effects) -> beta.put(stratum, effects.get(feature)));
            own.add(StageProtectedFit.site(StageProtectedFit.cells(site, stratumOfRow,
                    rows.stream().mapToDouble(row -> row[feature]).toArray(), 1), beta, reference.get(f)));
        }
        Map<String, List<RobustScale>> updated = new LinkedHashMap<>(sites);
        updated.put(site, own);
        return new SiteHarmonization(reference, updated, stageEffects);
    }

    boolean knows(String site) {
        return sites.containsKey(site);
    }

    /**
     * Maps a raw value measured at a site onto the reference's location and scale, keeping the stage effect of
     * the case's stratum (0 for a stratum the fit has not seen).
     */
    double harmonize(String site, String stratum, int feature, double raw) {
        List<RobustScale> siteScales = sites.get(site);
        if (siteScales == null) {
            return raw;
        }
        List<Double> effects = stageEffects.get(stratum);
        double beta = effects == null ? 0.0 : effects.get(feature);
        return reference.get(feature).unscale(siteScales.get(feature).scale(raw - beta)) + beta;
    }
}
