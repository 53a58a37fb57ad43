package io.tumorboard.pipeline.cohort;

/**
 * What makes one simulated hospital different from the others (non-IID on purpose): its population, its staging
 * habits, its scanner, its report style and what it fails to export.
 *
 * @param site the site name, e.g. {@code hospital-a}
 * @param mrnPrefix the letter in front of the site's medical record numbers
 * @param meanAgeYears mean age at diagnosis (years)
 * @param advancedRate probability of distant metastasis (M1) at diagnosis
 * @param nodalShift added to the probability of nodal involvement
 * @param seventhEditionRate share of patients staged under AJCC 7th instead of 8th
 * @param missingImagingRate share of patients with no imaging exported
 * @param missingPathologyRate share of patients with no pathology exported
 * @param scannerScale multiplicative scanner effect on intensity radiomics features
 * @param scannerOffsetSd additive scanner effect, in units of each feature's spread
 * @param style how the site writes reports
 * @param sizeInCm whether the site records tumour size Observations in cm (else mm)
 * @param pathologyAsTextFiles whether pathology arrives as text files instead of DiagnosticReports
 * @param pregnancyStatusRate share of women of reproductive age whose pregnancy status the site records before
 *     imaging (0: the site exports none)
 */
record SiteProfile(
        String site,
        char mrnPrefix,
        double meanAgeYears,
        double advancedRate,
        double nodalShift,
        double seventhEditionRate,
        double missingImagingRate,
        double missingPathologyRate,
        double scannerScale,
        double scannerOffsetSd,
        ReportStyle style,
        boolean sizeInCm,
        boolean pathologyAsTextFiles,
        double pregnancyStatusRate) {

    /** The default sites' profiles; a fourth and later site cycles through them with a shifted population. */
    static SiteProfile of(String site, int index) {
        char prefix = (char) ('A' + (index % 26));
        return switch (index % 3) {
            case 0 -> new SiteProfile(site, prefix, 64 + index, 0.18, 0.00, 0.10, 0.05, 0.08, 1.00, 0.0,
                    ReportStyle.SYNOPTIC, false, false, 0.9);
            case 1 -> new SiteProfile(site, prefix, 68 + index, 0.28, 0.08, 0.25, 0.12, 0.05, 1.15, 0.6,
                    ReportStyle.NARRATIVE, true, false, 0.6);
            default -> new SiteProfile(site, prefix, 71 + index, 0.35, 0.12, 0.40, 0.08, 0.15, 0.85, -0.8,
                    ReportStyle.SCANNED_FREE_TEXT, false, true, 0.0);
        };
    }
}
