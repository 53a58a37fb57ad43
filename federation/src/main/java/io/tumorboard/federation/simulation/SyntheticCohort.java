package io.tumorboard.federation.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Non-IID synthetic hospitals for exercising federated training without patient data: every site shares
 * one true logistic relation between features and outcome, but each sees a different region of feature
 * space (a site-specific mean shift), a different number of cases, and so a different outcome rate.
 * A model trained at one site alone extrapolates badly to the others; pooling, or federating, fixes that.
 */
public final class SyntheticCohort {

    /** One site's data: what it trains on and what it keeps held out. */
    public record Site(String name, LabelledExamples train, LabelledExamples test) {
    }

    private final List<Site> sites;
    private final double[] trueWeights;

    private SyntheticCohort(List<Site> sites, double[] trueWeights) {
        this.sites = List.copyOf(sites);
        this.trueWeights = trueWeights;
    }

    /**
     * @param siteCount  number of hospitals
     * @param dimension  features per case
     * @param baseCases  training cases at the smallest site; site i has baseCases * (1 + i mod 4)
     */
    public static SyntheticCohort generate(int siteCount, int dimension, int baseCases, long seed) {
        return generate(siteCount, dimension, baseCases, seed, 1.5);
    }

    /**
     * @param heterogeneity standard deviation of each site's feature mean shift (0 = IID sites; 1.5 is
     *                      strongly non-IID: sites barely overlap in feature space)
     */
    public static SyntheticCohort generate(int siteCount, int dimension, int baseCases, long seed,
                                           double heterogeneity) {
        Random rnd = new Random(seed);
        double[] w = new double[dimension + 1];
        for (int j = 0; j <= dimension; j++) {
            w[j] = rnd.nextGaussian() * 1.5;
        }
        List<Site> sites = new ArrayList<>();
        for (int s = 0; s < siteCount; s++) {
            double[] shift = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                shift[j] = rnd.nextGaussian() * heterogeneity;
            }
            int n = baseCases * (1 + s % 4);
            sites.add(new Site(String.format("hospital-%03d", s + 1), sample(rnd, w, shift, n),
                    sample(rnd, w, shift, Math.max(100, baseCases))));
        }
        return new SyntheticCohort(sites, w);
    }

    private static LabelledExamples sample(Random rnd, double[] w, double[] shift, int n) {
        int d = shift.length;
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z = w[d];
            for (int j = 0; j < d; j++) {
                x[i][j] = shift[j] + rnd.nextGaussian() * 0.7;
                z += w[j] * x[i][j];
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new LabelledExamples(x, y);
    }

    public List<Site> sites() {
        return sites;
    }

    /** All sites' held-out data together: the common yardstick for every model. */
    public LabelledExamples pooledTest() {
        LabelledExamples all = sites.get(0).test();
        for (int s = 1; s < sites.size(); s++) {
            all = all.concat(sites.get(s).test());
        }
        return all;
    }

    /** All sites' training data together: what a (forbidden) central pool would hold. */
    public LabelledExamples pooledTrain() {
        LabelledExamples all = sites.get(0).train();
        for (int s = 1; s < sites.size(); s++) {
            all = all.concat(sites.get(s).train());
        }
        return all;
    }

    public int dimension() {
        return trueWeights.length - 1;
    }
}
