package io.tumorboard.federation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tumorboard.model.learning.ModelCard.CalibrationGroup;
import io.tumorboard.model.learning.evaluation.EvaluatedCase;
import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PooledCalibrationTest {

    private static final SurvivalIntervals GRID = new SurvivalIntervals(20, 1826);
    private static final double THREE_YEARS = SurvivalEvaluation.CALIBRATION_DAYS;

    @Test
    void theTablePooledFromThreeSitesAggregatesMatchesTheCentralTableOnTheSameCases() {
        List<EvaluatedCase> cases = cohort(600, 7);
        List<CalibrationGroup> central = new SurvivalEvaluation(GRID, 0, 1).calibration(cases);

        List<CalibrationGroup> federated = federated(cases, 3);

        assertThat(federated).hasSameSizeAs(central);
        long[] pooled = pooledHistogram(cases);
        long widestBin = java.util.Arrays.stream(pooled).max().orElseThrow();
        for (int g = 0; g < central.size(); g++) {
            CalibrationGroup c = central.get(g);
            CalibrationGroup f = federated.get(g);
            // Groups are cut at bin edges: a group gains or loses at most the cases sharing its two edge bins.
            assertThat(Math.abs(f.cases() - c.cases())).isLessThanOrEqualTo((int) (2 * widestBin));
            // The threshold that places a new case in the group is the lower edge of the central one's bin.
            assertThat(f.lowestPredictedRisk()).isLessThanOrEqualTo(c.lowestPredictedRisk())
                    .isGreaterThan(c.lowestPredictedRisk() - 0.001);
            if (g + 1 < central.size()) {
                assertThat(f.highestPredictedRisk()).isLessThanOrEqualTo(federated.get(g + 1).lowestPredictedRisk());
            } else {
                assertThat(f.highestPredictedRisk()).isGreaterThanOrEqualTo(c.highestPredictedRisk())
                        .isLessThan(c.highestPredictedRisk() + 0.001);
            }
            assertThat(f.predictedRisk()).isCloseTo(c.predictedRisk(), within(0.002));
            assertThat(f.observedRisk()).isCloseTo(c.observedRisk(), within(0.02));
        }
    }

    @Test
    void whenNoCaseSharesAGroupEdgeBinTheGroupsAreTheCentralOnesAndTheMeansExactToTheFixedPoint() {
        List<EvaluatedCase> cases = spreadCohort(100, 11);
        List<CalibrationGroup> central = new SurvivalEvaluation(GRID, 0, 1).calibration(cases);
        long[] pooled = pooledHistogram(cases);
        CalibrationPlan plan = CalibrationPlan.of(pooled);
        boolean edgesSeparate = true;
        for (int g = 1; g < central.size(); g++) {
            edgesSeparate &= RiskBins.of(central.get(g).lowestPredictedRisk())
                    != RiskBins.of(central.get(g - 1).highestPredictedRisk());
        }
        assertThat(edgesSeparate).as("this cohort's group edges fall in distinct bins").isTrue();

        List<CalibrationGroup> federated = federated(cases, 4);

        assertThat(plan.groups()).isEqualTo(central.size());
        for (int g = 0; g < central.size(); g++) {
            assertThat(federated.get(g).cases()).isEqualTo(central.get(g).cases());
            // Sums travel in millionths, rounded per site (4 sites, ≥ 5 cases a group).
            assertThat(federated.get(g).predictedRisk()).isCloseTo(central.get(g).predictedRisk(), within(4 * 5e-7 / 5));
        }
    }

    @Test
    void theObservedRiskIsTheActuarialLifeTableEstimate() {
        // 10 cases: 2 deaths in month 1, 2 censored in month 1, the rest followed beyond 3 years.
        List<HeldOutRisk> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(new HeldOutRisk(0.2, i < 4 ? 10 : 2000, i < 2));
        }
        GroupAggregate g = GroupAggregate.of(cases);

        assertThat(g.deaths()[0]).isEqualTo(2);
        assertThat(g.censored()[0]).isEqualTo(2);
        // n = 10, d = 2, c = 2: S = 1 − 2 / (10 − 1).
        assertThat(g.observedRisk()).isCloseTo(2.0 / 9, within(1e-12));
    }

    @Test
    void aGroupThatBinEdgesLeaveBelowFiveCasesIsMergedIntoItsNeighbour() {
        long[] histogram = new long[RiskBins.COUNT];
        histogram[100] = 12; // rank 10 of 20 (group 2's first case) falls in this bin: group 1 would keep none
        histogram[500] = 8;

        CalibrationPlan plan = CalibrationPlan.of(histogram);

        assertThat(SurvivalEvaluation.calibrationGroups(20)).isEqualTo(4);
        assertThat(plan.startBins()).containsExactly(0, 500);
    }

    @Test
    void theTableSummedFromMaskedCountsIsTheTableOfTheUnmaskedSumsToTheFixedPoint() {
        List<SiteCalibration> sites = split(cohort(600, 7), 3);

        List<CalibrationGroup> masked = federated(sites);

        // The same exchanges without masks, the risk sums in doubles: what the coordinator would see in clear.
        long[] pooled = new long[RiskBins.COUNT];
        sites.forEach(s -> add(pooled, s.histogram()));
        CalibrationPlan plan = CalibrationPlan.of(pooled);
        List<GroupAggregate> clearSums = new ArrayList<>();
        for (int g = 0; g < plan.groups(); g++) {
            int[] deaths = new int[GroupAggregate.INTERVALS];
            int[] censored = new int[GroupAggregate.INTERVALS];
            int cases = 0;
            double riskSum = 0;
            for (SiteCalibration s : sites) {
                GroupAggregate a = s.groups(plan).get(g);
                cases += a.cases();
                riskSum += a.predictedRiskSum();
                for (int k = 0; k < GroupAggregate.INTERVALS; k++) {
                    deaths[k] += a.deaths()[k];
                    censored[k] += a.censored()[k];
                }
            }
            clearSums.add(new GroupAggregate(cases, riskSum, deaths, censored));
        }
        List<CalibrationGroup> clear = PooledCalibration.table(pooled, plan, clearSums);

        assertThat(masked).hasSameSizeAs(clear);
        for (int g = 0; g < clear.size(); g++) {
            CalibrationGroup m = masked.get(g);
            CalibrationGroup c = clear.get(g);
            assertThat(m.cases()).isEqualTo(c.cases());
            assertThat(m.observedRisk()).as("integer counts: exact").isEqualTo(c.observedRisk());
            assertThat(m.lowestPredictedRisk()).isEqualTo(c.lowestPredictedRisk());
            assertThat(m.highestPredictedRisk()).isEqualTo(c.highestPredictedRisk());
            // Each site rounds its sum to millionths (±5e-7); the group's sum is within 3 × 5e-7 and its mean,
            // over ≥ 5 cases, within 5e-7 of the sum of doubles.
            assertThat(m.predictedRisk() * m.cases()).isCloseTo(c.predictedRisk() * c.cases(), within(3 * 5e-7));
            assertThat(m.predictedRisk()).isCloseTo(c.predictedRisk(), within(5e-7));
        }
    }

    private static List<CalibrationGroup> federated(List<EvaluatedCase> cases, int sites) {
        return federated(split(cases, sites));
    }

    private static List<SiteCalibration> split(List<EvaluatedCase> cases, int sites) {
        List<SiteCalibration> atSites = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            List<HeldOutRisk> own = new ArrayList<>();
            for (int i = s; i < cases.size(); i += sites) {
                own.add(heldOut(cases.get(i)));
            }
            atSites.add(new SiteCalibration(own));
        }
        return atSites;
    }

    /** Both exchanges as the sites and coordinator run them: every site's counts masked, only sums unmasked. */
    private static List<CalibrationGroup> federated(List<SiteCalibration> sites) {
        List<MaskingKey> keys = sites.stream().map(s -> MaskingKey.generate()).toList();
        List<MaskedExchange.Participant> participants = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            participants.add(new MaskedExchange.Participant("site-" + s, keys.get(s).publicKey()));
        }
        MaskedExchange histograms = new MaskedExchange("run", 4, "h", participants);
        List<MaskedCounts> sent = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            sent.add(keys.get(s).mask(histograms, "site-" + s, sites.get(s).cases(), sites.get(s).histogram()));
        }
        long[] pooled = CountVector.histogram(MaskedCounts.sum(sent, RiskBins.COUNT));
        CalibrationPlan plan = CalibrationPlan.of(pooled);

        MaskedExchange groups = new MaskedExchange("run", 5, "g", participants);
        sent.clear();
        for (int s = 0; s < sites.size(); s++) {
            sent.add(keys.get(s).mask(groups, "site-" + s, sites.get(s).cases(),
                    CountVector.of(sites.get(s).groups(plan))));
        }
        long[] summed = MaskedCounts.sum(sent, CountVector.length(plan));
        return PooledCalibration.table(pooled, plan, CountVector.groups(summed));
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }

    private static long[] pooledHistogram(List<EvaluatedCase> cases) {
        return new SiteCalibration(cases.stream().map(PooledCalibrationTest::heldOut).toList()).histogram();
    }

    private static HeldOutRisk heldOut(EvaluatedCase c) {
        return new HeldOutRisk(1 - SurvivalIntervals.survivalAt(c.survival(), GRID, THREE_YEARS), c.timeDays(),
                c.death());
    }

    /** Predicted 3-year risks 0.009 apart, so that no two cases share a bin. */
    private static List<EvaluatedCase> spreadCohort(int n, long seed) {
        Random random = new Random(seed);
        List<EvaluatedCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double risk = 0.05 + 0.009 * i;
            double hazardPerDay = -Math.log(1 - risk) / THREE_YEARS;
            cases.add(exponential("case-" + i, hazardPerDay, random));
        }
        java.util.Collections.shuffle(cases, random);
        return cases;
    }

    /** Exponential survival with a per-case hazard; outcomes drawn from it, uniform administrative censoring. */
    private static List<EvaluatedCase> cohort(int n, long seed) {
        Random random = new Random(seed);
        List<EvaluatedCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(exponential("case-" + i, Math.exp(-7.5 + 1.2 * random.nextGaussian()), random));
        }
        return cases;
    }

    private static EvaluatedCase exponential(String key, double hazardPerDay, Random random) {
        double[] curve = new double[GRID.count()];
        for (int k = 0; k < curve.length; k++) {
            curve[k] = Math.exp(-hazardPerDay * GRID.endDays(k));
        }
        double death = -Math.log(1 - random.nextDouble()) / hazardPerDay;
        double censor = 200 + random.nextDouble() * 2400;
        return new EvaluatedCase(key, Math.min(death, censor), death <= censor, "site", "unknown", "unknown", curve);
    }
}
