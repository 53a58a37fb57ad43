package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link PatientCase} into the network's three inputs. Everything it learns (radiomics harmonization
 * and scales, the pathology vocabulary, clinical scales and categories) is fitted on training cases only and
 * travels inside the model package as JSON, so prediction reuses it exactly.
 *
 * <p>Federation: the pipeline is fitted once before a run, by the coordinator, from the sites' aggregate
 * {@link SiteFeatureSummary summaries} ({@link #fromSummaries}), and shipped with the global model; sites do not
 * refit it during the run.
 * Only the per-site radiomics harmonization is site-local: {@link #withSiteHarmonization} refits one site's
 * location/scale from that site's own cases, using nothing but its own aggregates.
 *
 * @param radiomics the imaging encoder
 * @param vocabulary the pathology text encoder
 * @param clinical the clinical encoder
 */
public record FeaturePipeline(RadiomicsEncoder radiomics, PathologyVocabulary vocabulary, ClinicalEncoder clinical) {

    /** Vocabulary size cap: larger vocabularies mostly add OCR noise on a few hundred reports. */
    public static final int MAX_TERMS = 2000;

    @JsonCreator
    public FeaturePipeline(@JsonProperty("radiomics") RadiomicsEncoder radiomics,
                           @JsonProperty("vocabulary") PathologyVocabulary vocabulary,
                           @JsonProperty("clinical") ClinicalEncoder clinical) {
        this.radiomics = radiomics;
        this.vocabulary = vocabulary;
        this.clinical = clinical;
    }

    public static FeaturePipeline fit(List<PatientCase> trainingCases) {
        if (trainingCases.isEmpty()) {
            throw new IllegalArgumentException("cannot fit features on no training cases");
        }
        return new FeaturePipeline(RadiomicsEncoder.fit(trainingCases),
                PathologyVocabulary.fit(trainingCases, MAX_TERMS), ClinicalEncoder.fit(trainingCases));
    }

    /**
     * The pipeline a federation fits from its sites' {@link SiteFeatureSummary summaries}, without any case
     * leaving a site. It differs from {@link #fit} on the pooled cases in two documented ways: pooled medians and
     * IQRs are count-weighted means of the sites' (not the median of all values), and a word, feature or category
     * below the small-cell threshold at every site is not seen even if the sites together pass the threshold.
     */
    public static FeaturePipeline fromSummaries(List<SiteFeatureSummary> summaries) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("cannot fit features on no site summaries");
        }
        return new FeaturePipeline(radiomicsFromSummaries(summaries), vocabularyFromSummaries(summaries),
                new ClinicalEncoder(pooled(summaries.stream().map(SiteFeatureSummary::age).toList()),
                        pooled(summaries.stream().map(SiteFeatureSummary::packYearsLog).toList()),
                        summed(summaries.stream().map(SiteFeatureSummary::histologies).toList()).entrySet().stream()
                                .filter(e -> e.getValue() >= ClinicalEncoder.MIN_CATEGORY_CASES)
                                .map(Map.Entry::getKey).sorted().toList()));
    }

    private static RadiomicsEncoder radiomicsFromSummaries(List<SiteFeatureSummary> summaries) {
        int studies = summaries.stream().mapToInt(SiteFeatureSummary::imagingStudies).sum();
        int needed = Math.max((studies + 1) / 2, 1);
        Map<String, Integer> presence = summed(summaries.stream().map(SiteFeatureSummary::radiomicsPresence).toList());
        // A feature no site could scale (too few values everywhere) cannot be harmonized: left out.
        List<String> names = presence.entrySet().stream().filter(e -> e.getValue() >= needed)
                .map(Map.Entry::getKey)
                .filter(n -> summaries.stream().anyMatch(s -> s.radiomics().containsKey(n))).sorted().toList();
        if (summaries.stream().allMatch(s -> !s.radiomicsByStage().isEmpty())) {
            // Every site sent its per-stage cells: the stage-protected fit, the model pooled training fits.
            List<StageProtectedFit.Feature> fitted = new ArrayList<>();
            for (String name : names) {
                List<StageProtectedFit.Cell> cells = new ArrayList<>();
                summaries.forEach(s -> s.radiomicsByStage().forEach((stratum, byFeature) -> {
                    SiteFeatureSummary.CountedScale c = byFeature.get(name);
                    if (c != null) {
                        cells.add(new StageProtectedFit.Cell(s.site(), stratum, c.count(), c.median(), c.iqr()));
                    }
                }));
                fitted.add(StageProtectedFit.fit(cells));
            }
            SiteHarmonization harmonization = SiteHarmonization.of(fitted);
            return new RadiomicsEncoder(names, harmonization, harmonization.reference());
        }
        // A summary from a site on an older release carries no per-stage cells: location/scale without covariate.
        List<RobustScale> reference = new ArrayList<>();
        for (String name : names) {
            reference.add(pooled(summaries.stream().map(s -> s.radiomics().get(name)).toList()));
        }
        Map<String, List<RobustScale>> sites = new TreeMap<>();
        for (SiteFeatureSummary s : summaries) {
            List<RobustScale> own = new ArrayList<>();
            for (int f = 0; f < names.size(); f++) {
                SiteFeatureSummary.CountedScale c = s.radiomics().get(names.get(f));
                RobustScale pooled = reference.get(f);
                double weight = c == null ? 0 : c.count() / (c.count() + SiteHarmonization.PRIOR_CASES);
                own.add(c == null ? pooled : new RobustScale(weight * c.median() + (1 - weight) * pooled.median(),
                        weight * c.iqr() + (1 - weight) * pooled.iqr()));
            }
            sites.put(s.site(), own);
        }
        // Harmonized values of every site sit on the reference's location and scale, so the reference is also
        // the scale of the harmonized pool.
        return new RadiomicsEncoder(names, new SiteHarmonization(reference, sites, Map.of()), reference);
    }

    private static PathologyVocabulary vocabularyFromSummaries(List<SiteFeatureSummary> summaries) {
        int n = summaries.stream().mapToInt(SiteFeatureSummary::pathologyDocuments).sum();
        Map<String, Integer> df = summed(summaries.stream().map(SiteFeatureSummary::termDocuments).toList());
        List<String> terms = df.entrySet().stream().filter(e -> e.getValue() >= PathologyVocabulary.MIN_DOCUMENTS)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TERMS).map(Map.Entry::getKey).sorted().toList();
        return new PathologyVocabulary(terms, terms.stream()
                .map(t -> Math.log((1.0 + n) / (1.0 + df.get(t))) + 1.0).toList());
    }

    private static Map<String, Integer> summed(List<Map<String, Integer>> counts) {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach(m -> m.forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }

    /** Count-weighted mean of the sites' medians and IQRs; the identity scale when no site has one. */
    private static RobustScale pooled(List<SiteFeatureSummary.CountedScale> scales) {
        double n = 0;
        double median = 0;
        double iqr = 0;
        for (SiteFeatureSummary.CountedScale s : scales) {
            if (s != null) {
                n += s.count();
                median += s.count() * s.median();
                iqr += s.count() * s.iqr();
            }
        }
        return n == 0 ? new RobustScale(0.0, 1.0) : new RobustScale(median / n, iqr / n);
    }

    /** This pipeline with one site's radiomics harmonization refitted on that site's cases. */
    public FeaturePipeline withSiteHarmonization(String site, List<PatientCase> siteCases) {
        List<double[]> rows = new ArrayList<>();
        List<String> strata = new ArrayList<>();
        for (PatientCase c : siteCases) {
            RadiomicsEncoder.baseline(c).ifPresent(study -> {
                strata.add(StageProtectedFit.stratum(c));
                double[] row = new double[radiomics.width()];
                for (int f = 0; f < row.length; f++) {
                    Double v = study.radiomics().get(radiomics.featureNames().get(f));
                    row[f] = v == null ? Double.NaN : v;
                }
                rows.add(row);
            });
        }
        RadiomicsEncoder refitted = new RadiomicsEncoder(radiomics.featureNames(),
                radiomics.harmonization().withSite(site, strata, rows), radiomics.scales());
        return new FeaturePipeline(refitted, vocabulary, clinical);
    }

    public int width(Modality modality) {
        return switch (modality) {
            // A modality with no fitted feature keeps one constant input, so its encoder still has a width.
            case IMAGING -> Math.max(radiomics.width(), 1);
            case PATHOLOGY -> Math.max(vocabulary.width(), 1);
            case CLINICAL -> clinical.width();
        };
    }

    /** Input feature names of one modality, in input order. */
    public List<String> featureNames(Modality modality) {
        return switch (modality) {
            case IMAGING -> radiomics.featureNames();
            case PATHOLOGY -> vocabulary.terms().stream().map(t -> "word:" + t).toList();
            case CLINICAL -> clinical.featureNames();
        };
    }

    public CaseFeatures encode(PatientCase c) {
        List<String> warnings = new ArrayList<>();
        boolean[] present = new boolean[3];
        float[] imaging = radiomics.encode(c, warnings).map(x -> mark(present, Modality.IMAGING, x))
                .orElseGet(() -> new float[width(Modality.IMAGING)]);
        float[] pathology = vocabulary.encode(c, warnings).map(x -> mark(present, Modality.PATHOLOGY, x))
                .orElseGet(() -> new float[width(Modality.PATHOLOGY)]);
        float[] clinicalX = clinical.encode(c, warnings).map(x -> mark(present, Modality.CLINICAL, x))
                .orElseGet(() -> new float[clinical.width()]);
        return new CaseFeatures(imaging, pathology, clinicalX, present, warnings);
    }

    private static float[] mark(boolean[] present, Modality modality, float[] x) {
        present[modality.ordinal()] = true;
        return x;
    }
}
