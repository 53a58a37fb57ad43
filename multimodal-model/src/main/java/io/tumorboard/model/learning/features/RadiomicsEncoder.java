package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Radiomics features of a case's baseline study: harmonized per site, then robustly scaled (median/IQR) and
 * clipped at ±{@link #CLIP_IQR} IQRs, since a value 10 IQRs away from the median is a unit or segmentation error
 * far more often than biology, and an unclipped one would dominate the encoder.
 *
 * @param featureNames the features, in input order: those present in at least half the training studies
 * @param harmonization the per-site location/scale harmonization, stage protected
 * @param scales robust scale of each harmonized feature over the training cases
 */
public record RadiomicsEncoder(List<String> featureNames, SiteHarmonization harmonization, List<RobustScale> scales) {

    static final double CLIP_IQR = 10.0;

    @JsonCreator
    public RadiomicsEncoder(@JsonProperty("featureNames") List<String> featureNames,
                            @JsonProperty("harmonization") SiteHarmonization harmonization,
                            @JsonProperty("scales") List<RobustScale> scales) {
        this.featureNames = List.copyOf(featureNames);
        this.harmonization = harmonization;
        this.scales = List.copyOf(scales);
    }

    static RadiomicsEncoder fit(List<PatientCase> cases) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int studies = 0;
        for (PatientCase c : cases) {
            Optional<ImagingStudy> study = baseline(c);
            if (study.isPresent()) {
                studies++;
                study.get().radiomics().keySet().forEach(name -> counts.merge(name, 1, Integer::sum));
            }
        }
        int needed = (studies + 1) / 2;
        List<String> names = counts.entrySet().stream().filter(e -> e.getValue() >= Math.max(needed, 1))
                .map(Map.Entry::getKey).toList();
        List<String> sites = new ArrayList<>();
        List<String> strata = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (PatientCase c : cases) {
            baseline(c).ifPresent(study -> {
                sites.add(c.site());
                strata.add(StageProtectedFit.stratum(c));
                rows.add(raw(study, names));
            });
        }
        SiteHarmonization harmonization = SiteHarmonization.fit(sites, strata, rows, names.size());
        List<RobustScale> scales = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            double[] harmonized = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                harmonized[r] = harmonization.harmonize(sites.get(r), strata.get(r), f, rows.get(r)[f]);
            }
            scales.add(RobustScale.of(harmonized));
        }
        return new RadiomicsEncoder(names, harmonization, scales);
    }

    int width() {
        return featureNames.size();
    }

    /** The encoded features, or empty when the case has no study with radiomics (the modality is absent). */
    Optional<float[]> encode(PatientCase c, List<String> warnings) {
        Optional<ImagingStudy> study = baseline(c);
        if (study.isEmpty() || featureNames.isEmpty()) {
            return Optional.empty();
        }
        if (!harmonization.knows(c.site())) {
            warnings.add("site '" + c.site() + "' was not in the training data: radiomics are not harmonized "
                    + "for its scanners");
        }
        double[] raw = raw(study.get(), featureNames);
        String stratum = StageProtectedFit.stratum(c);
        float[] encoded = new float[featureNames.size()];
        int missing = 0;
        for (int f = 0; f < encoded.length; f++) {
            if (!Double.isFinite(raw[f])) {
                missing++;
                continue; // 0 is the training median after scaling: the least informative value
            }
            double scaled = scales.get(f).scale(harmonization.harmonize(c.site(), stratum, f, raw[f]));
            if (Math.abs(scaled) > CLIP_IQR) {
                warnings.add("radiomics feature '" + featureNames.get(f) + "' = " + raw[f] + " lies "
                        + Math.round(Math.abs(scaled)) + " IQRs from the training median: clipped to "
                        + CLIP_IQR + " IQRs");
                scaled = Math.signum(scaled) * CLIP_IQR;
            }
            encoded[f] = (float) scaled;
        }
        if (missing == encoded.length) {
            warnings.add("imaging study has no usable radiomics value: imaging treated as absent");
            return Optional.empty();
        }
        if (missing > 0) {
            warnings.add(missing + " of " + encoded.length + " radiomics features missing or not a number: "
                    + "set to the training median");
        }
        return Optional.of(encoded);
    }

    /** The earliest study with radiomics: the pre-treatment baseline the outcome is predicted from. */
    static Optional<ImagingStudy> baseline(PatientCase c) {
        return c.imaging().stream().filter(study -> !study.radiomics().isEmpty())
                .min(Comparator.comparing(study -> study.date() == null ? java.time.LocalDate.MAX : study.date()));
    }

    private static double[] raw(ImagingStudy study, List<String> names) {
        double[] values = new double[names.size()];
        for (int f = 0; f < values.length; f++) {
            Double value = study.radiomics().get(names.get(f));
            values[f] = value == null ? Double.NaN : value;
        }
        return values;
    }
}
