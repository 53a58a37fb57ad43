package io.tumorboard.model.learning.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ComBat's site model with the documented stage group as its protected covariate, for one radiomics feature.
 *
 * <p>ComBat (Johnson et al., Biostatistics 2007; for radiomics Fortin et al., NeuroImage 2018, Orlhac et al.,
 * J Nucl Med 2018) models a feature as y = α + Xβ + γ_site + δ_site·ε and estimates the site effects γ, δ after
 * the covariate effects Xβ, so that harmonizing removes the scanner and keeps the biology: without X, a site
 * treating more advanced stages would have its larger tumours pulled towards the pooled median. Here X is the
 * stage group (I–IV, or unknown: {@link #stratum}), fitted robustly on cells: each (site, stage) cell's median
 * and IQR with its count. Locations are the weighted two-way additive fit median ≈ γ_site + β_stage
 * (backfitting, β centred on the cells' weighted mean), scales the count-weighted within-stage IQRs of a site
 * (stage differences in location do not widen them). A site is shrunk towards the pooled values with
 * {@link SiteHarmonization#PRIOR_CASES} pseudo-cases, as before.
 *
 * <p>Why cells: a federated site can send its cells (counts, medians, IQRs, small cells suppressed) in its
 * {@link SiteFeatureSummary}, and the coordinator fits exactly this model from them without any value leaving
 * a site; pooled training fits the same model from the same kind of cells.
 */
final class StageProtectedFit {

    /** Backfitting sweeps; the two-way fit of a few dozen cells converges in far fewer. */
    private static final int SWEEPS = 200;

    /**
     * One (site, stage) cell of one feature.
     *
     * @param site the site
     * @param stratum the stage group stratum ({@link #stratum})
     * @param count finite values in the cell
     * @param median their median
     * @param iqr their IQR
     */
    record Cell(String site, String stratum, int count, double median, double iqr) {
    }

    /**
     * The fitted model of one feature.
     *
     * @param reference pooled location and scale of the stage-adjusted feature
     * @param sites each site's (shrunk) location and scale of its stage-adjusted values
     * @param stageEffects each stratum's location effect β, centred on the cells' weighted mean
     */
    record Feature(RobustScale reference, Map<String, RobustScale> sites, Map<String, Double> stageEffects) {
    }

    private StageProtectedFit() {
    }

    /** The covariate's stratum of a case: its documented stage group I–IV, else {@code unknown}. */
    static String stratum(io.tumorboard.model.cases.PatientCase c) {
        var group = StageTarget.GROUP.label(c);
        return group.isPresent() ? StageTarget.GROUP.name(group.getAsInt()) : "unknown";
    }

    /** The cells of one site's values of a feature, by stratum; cells with fewer than {@code minCount} values dropped. */
    static List<Cell> cells(String site, List<String> strata, double[] values, int minCount) {
        Map<String, List<Double>> byStratum = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                byStratum.computeIfAbsent(strata.get(i), s -> new ArrayList<>()).add(values[i]);
            }
        }
        List<Cell> cells = new ArrayList<>();
        byStratum.forEach((stratum, v) -> {
            if (v.size() >= Math.max(minCount, 1)) {
                RobustScale s = RobustScale.of(v.stream().mapToDouble(Double::doubleValue).toArray());
                cells.add(new Cell(site, stratum, v.size(), s.median(), s.iqr()));
            }
        });
        return cells;
    }

    static Feature fit(List<Cell> cells) {
        if (cells.isEmpty()) {
            return new Feature(new RobustScale(0.0, 1.0), Map.of(), Map.of());
        }
        Map<String, Double> beta = new TreeMap<>();
        Map<String, Double> gamma = new TreeMap<>();
        cells.forEach(c -> beta.put(c.stratum(), 0.0));
        cells.forEach(c -> gamma.put(c.site(), 0.0));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            weightedMeans(cells, Cell::site, c -> c.median() - beta.get(c.stratum())).forEach(gamma::put);
            weightedMeans(cells, Cell::stratum, c -> c.median() - gamma.get(c.site())).forEach(beta::put);
            double centre = weightedMean(cells, c -> beta.get(c.stratum()));
            beta.replaceAll((s, b) -> b - centre);
        }
        weightedMeans(cells, Cell::site, c -> c.median() - beta.get(c.stratum())).forEach(gamma::put);
        RobustScale reference = new RobustScale(weightedMean(cells, c -> gamma.get(c.site())),
                weightedMean(cells, Cell::iqr));
        Map<String, RobustScale> sites = new TreeMap<>();
        for (String site : gamma.keySet()) {
            sites.put(site, site(cells.stream().filter(c -> c.site().equals(site)).toList(), beta, reference));
        }
        return new Feature(reference, sites, beta);
    }

    /** One site's location and scale from its own cells, given the stage effects, shrunk towards the reference. */
    static RobustScale site(List<Cell> own, Map<String, Double> beta, RobustScale reference) {
        if (own.isEmpty()) {
            return reference;
        }
        double n = own.stream().mapToInt(Cell::count).sum();
        double location = weightedMean(own, c -> c.median() - beta.getOrDefault(c.stratum(), 0.0));
        double scale = weightedMean(own, Cell::iqr);
        double weight = n / (n + SiteHarmonization.PRIOR_CASES);
        return new RobustScale(weight * location + (1 - weight) * reference.median(),
                weight * scale + (1 - weight) * reference.iqr());
    }

    private static Map<String, Double> weightedMeans(List<Cell> cells, java.util.function.Function<Cell, String> key,
                                                     java.util.function.ToDoubleFunction<Cell> value) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Cell c : cells) {
            double[] s = sums.computeIfAbsent(key.apply(c), k -> new double[2]);
            s[0] += c.count() * value.applyAsDouble(c);
            s[1] += c.count();
        }
        Map<String, Double> means = new HashMap<>();
        sums.forEach((k, s) -> means.put(k, s[0] / s[1]));
        return means;
    }

    private static double weightedMean(List<Cell> cells, java.util.function.ToDoubleFunction<Cell> value) {
        double sum = 0;
        double n = 0;
        for (Cell c : cells) {
            sum += c.count() * value.applyAsDouble(c);
            n += c.count();
        }
        return sum / n;
    }
}
