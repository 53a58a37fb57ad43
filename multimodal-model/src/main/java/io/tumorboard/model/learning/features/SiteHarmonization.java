package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ComBat-style per-site location/scale harmonization of radiomics features.
 *
 * <p>Scanner and protocol move radiomics features by site (Fortin et al., NeuroImage 2018; Orlhac et al.,
 * J Nucl Med 2018 for PET/CT radiomics). ComBat removes a per-site additive and multiplicative effect per
 * feature. We use its robust location/scale core without the covariate model: each site's median and IQR are
 * mapped onto the pooled reference's, and a small site is shrunk towards the pooled values with
 * {@link #PRIOR_CASES} pseudo-cases, the empirical-Bayes idea of ComBat in its simplest form. Covariates
 * (stage, histology) are not protected, so a site whose case mix truly differs is partly flattened: this is
 * the known cost of harmonizing without a covariate model, stated in the model card.
 *
 * <p>The per-site statistics are aggregates (medians and IQRs), computed at each site, so a federated site
 * can fit its own entry with {@link #withSite} without sharing any case.
 *
 * @param reference pooled robust scale per feature, in feature order
 * @param sites per site, its (shrunk) robust scale per feature, in feature order
 */
public record SiteHarmonization(List<RobustScale> reference, Map<String, List<RobustScale>> sites) {

    /** Pseudo-cases of pooled evidence added to each site's own: a site of 10 cases moves half way. */
    static final double PRIOR_CASES = 10.0;

    @JsonCreator
    public SiteHarmonization(@JsonProperty("reference") List<RobustScale> reference,
                             @JsonProperty("sites") Map<String, List<RobustScale>> sites) {
        this.reference = List.copyOf(reference);
        this.sites = Map.copyOf(sites);
    }

    /** Fits the pooled reference and each site's scale from rows of raw values (NaN = missing). */
    static SiteHarmonization fit(List<String> siteOfRow, List<double[]> rows, int features) {
        List<RobustScale> reference = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            reference.add(RobustScale.of(column(rows, f, null, null)));
        }
        Map<String, List<RobustScale>> sites = new LinkedHashMap<>();
        for (String site : new java.util.TreeSet<>(siteOfRow)) {
            sites.put(site, siteScales(site, siteOfRow, rows, reference));
        }
        return new SiteHarmonization(reference, sites);
    }

    /** The same harmonization with one site's entry (re)fitted on that site's own rows. */
    SiteHarmonization withSite(String site, List<double[]> rows) {
        List<String> siteOfRow = rows.stream().map(row -> site).toList();
        Map<String, List<RobustScale>> updated = new LinkedHashMap<>(sites);
        updated.put(site, siteScales(site, siteOfRow, rows, reference));
        return new SiteHarmonization(reference, updated);
    }

    boolean knows(String site) {
        return sites.containsKey(site);
    }

    /** Maps a raw value measured at a site onto the reference's location and scale. */
    double harmonize(String site, int feature, double raw) {
        List<RobustScale> siteScales = sites.get(site);
        if (siteScales == null) {
            return raw;
        }
        return reference.get(feature).unscale(siteScales.get(feature).scale(raw));
    }

    private static List<RobustScale> siteScales(String site, List<String> siteOfRow, List<double[]> rows,
                                                List<RobustScale> reference) {
        List<RobustScale> scales = new ArrayList<>();
        for (int f = 0; f < reference.size(); f++) {
            double[] values = column(rows, f, siteOfRow, site);
            long n = java.util.Arrays.stream(values).filter(Double::isFinite).count();
            RobustScale own = RobustScale.of(values);
            RobustScale pooled = reference.get(f);
            double weight = n / (n + PRIOR_CASES);
            scales.add(new RobustScale(weight * own.median() + (1 - weight) * pooled.median(),
                    weight * own.iqr() + (1 - weight) * pooled.iqr()));
        }
        return scales;
    }

    private static double[] column(List<double[]> rows, int feature, List<String> siteOfRow, String site) {
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (site == null || site.equals(siteOfRow.get(r))) {
                values.add(rows.get(r)[feature]);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
