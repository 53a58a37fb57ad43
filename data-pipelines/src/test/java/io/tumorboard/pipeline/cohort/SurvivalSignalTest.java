package io.tumorboard.pipeline.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The documented signal is in the latent truth: Harrell's c-index of the true linear predictor beats the same
 * predictor without the pathology-only findings and without the radiomics signals, and a Cox fit recovers the
 * pathology-only hazard ratios.
 */
class SurvivalSignalTest {

    private static final List<LatentPatient> COHORT = cohort();

    @Test
    void pathologyOnlyFindingsAddDiscriminationTheOtherModalitiesCannotGive() {
        double full = cIndex(LatentPatient::linearPredictor);
        double withoutPathology = cIndex(p -> SurvivalModel.withoutPathologyFindings(p.group(), p.ageYears(),
                p.ecog(), p.histology(), p.radiomicsSignal()));

        assertThat(full).isGreaterThan(0.70);
        assertThat(full).isGreaterThan(withoutPathology);
    }

    @Test
    void aCoxFitRecoversTheLymphovascularInvasionAndMarginHazardRatios() {
        // One-coefficient Cox fits with everything else as a known offset: the estimate must lie within four
        // standard errors of the generating log hazard ratio and be clearly non-zero.
        double[] lvi = coxFit(p -> p.lymphovascularInvasion() ? 1 : 0, p -> SurvivalModel.withoutPathologyFindings(
                p.group(), p.ageYears(), p.ecog(), p.histology(), p.radiomicsSignal())
                + (p.marginPositive() ? SurvivalModel.POSITIVE_MARGIN : 0));
        double[] margin = coxFit(p -> p.marginPositive() ? 1 : 0, p -> SurvivalModel.withoutPathologyFindings(
                p.group(), p.ageYears(), p.ecog(), p.histology(), p.radiomicsSignal())
                + (p.lymphovascularInvasion() ? SurvivalModel.LYMPHOVASCULAR_INVASION : 0));

        assertThat(lvi[0]).isCloseTo(SurvivalModel.LYMPHOVASCULAR_INVASION, within(4 * lvi[1]));
        assertThat(lvi[0] / lvi[1]).as("Wald z of LVI").isGreaterThan(3);
        assertThat(margin[0]).isCloseTo(SurvivalModel.POSITIVE_MARGIN, within(4 * margin[1]));
        assertThat(margin[0] / margin[1]).as("Wald z of a positive margin").isGreaterThan(2);
    }

    /** Newton-Raphson on the Breslow partial likelihood of one coefficient with an offset; {estimate, SE}. */
    private static double[] coxFit(ToDoubleFunction<LatentPatient> covariate, ToDoubleFunction<LatentPatient> offset) {
        List<LatentPatient> sorted = new ArrayList<>(COHORT);
        sorted.sort(java.util.Comparator.comparingInt(LatentPatient::followUpDays));
        int n = sorted.size();
        double[] x = new double[n];
        double[] o = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = covariate.applyAsDouble(sorted.get(i));
            o[i] = offset.applyAsDouble(sorted.get(i));
        }
        double beta = 0;
        double information = 1;
        for (int iteration = 0; iteration < 25; iteration++) {
            double score = 0;
            information = 0;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            int j = n - 1;
            for (int i = n - 1; i >= 0; i--) {
                // The risk set of i: everyone whose follow-up is at least i's (ties included).
                while (j >= 0 && sorted.get(j).followUpDays() >= sorted.get(i).followUpDays()) {
                    double w = Math.exp(o[j] + beta * x[j]);
                    s0 += w;
                    s1 += w * x[j];
                    s2 += w * x[j] * x[j];
                    j--;
                }
                if (sorted.get(i).death()) {
                    score += x[i] - s1 / s0;
                    information += s2 / s0 - (s1 / s0) * (s1 / s0);
                }
            }
            double step = score / information;
            beta += step;
            if (Math.abs(step) < 1e-9) {
                break;
            }
        }
        return new double[] {beta, 1 / Math.sqrt(information)};
    }

    @Test
    void radiomicsSignalsAddDiscriminationBeyondStageAndClinicalFacts() {
        double full = cIndex(LatentPatient::linearPredictor);
        double withoutRadiomics = cIndex(p -> SurvivalModel.linearPredictor(p.group(), p.ageYears(), p.ecog(),
                p.histology(), new double[3], p.lymphovascularInvasion(), p.marginPositive()));

        assertThat(full - withoutRadiomics).isGreaterThan(0.02);
    }

    @Test
    void followUpIsCensoredBothAdministrativelyAndAtRandom() {
        long deaths = COHORT.stream().filter(LatentPatient::death).count();
        assertThat(deaths).isBetween(COHORT.size() / 5L, COHORT.size() * 4L / 5);
        assertThat(COHORT).allSatisfy(p -> assertThat(p.lastKnownDate())
                .isBeforeOrEqualTo(SurvivalModel.DATA_CUTOFF));
    }

    /** Harrell's c: among comparable pairs (the shorter time is an event), the share ordered by risk. */
    private static double cIndex(ToDoubleFunction<LatentPatient> risk) {
        double concordant = 0;
        long comparable = 0;
        for (LatentPatient a : COHORT) {
            if (!a.death()) {
                continue;
            }
            double riskA = risk.applyAsDouble(a);
            for (LatentPatient b : COHORT) {
                if (b.followUpDays() > a.followUpDays()) {
                    comparable++;
                    double riskB = risk.applyAsDouble(b);
                    concordant += riskA > riskB ? 1 : riskA == riskB ? 0.5 : 0;
                }
            }
        }
        return concordant / comparable;
    }

    private static List<LatentPatient> cohort() {
        List<LatentPatient> patients = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            PatientSampler sampler = new PatientSampler(SiteProfile.of("hospital-" + (char) ('a' + s), s));
            SplittableRandom random = new SplittableRandom(11L + s);
            for (int i = 0; i < 700; i++) {
                patients.add(sampler.sample(i, random.split()));
            }
        }
        return patients;
    }
}
