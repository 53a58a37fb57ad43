package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PatientCase} into the network's three inputs. Everything it learns (radiomics harmonization
 * and scales, the pathology vocabulary, clinical scales and categories) is fitted on training cases only and
 * travels inside the model package as JSON, so prediction reuses it exactly.
 *
 * <p>Federation: the pipeline is fitted once on a reference cohort and shipped with the global model; sites do
 * not refit it, since a vocabulary or a median cannot be averaged across sites without sharing text or values.
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

    /** This pipeline with one site's radiomics harmonization refitted on that site's cases. */
    public FeaturePipeline withSiteHarmonization(String site, List<PatientCase> siteCases) {
        List<double[]> rows = new ArrayList<>();
        for (PatientCase c : siteCases) {
            RadiomicsEncoder.baseline(c).ifPresent(study -> {
                double[] row = new double[radiomics.width()];
                for (int f = 0; f < row.length; f++) {
                    Double v = study.radiomics().get(radiomics.featureNames().get(f));
                    row[f] = v == null ? Double.NaN : v;
                }
                rows.add(row);
            });
        }
        RadiomicsEncoder refitted = new RadiomicsEncoder(radiomics.featureNames(),
                radiomics.harmonization().withSite(site, rows), radiomics.scales());
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
