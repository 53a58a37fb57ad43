package io.tumorboard.pipeline.cohort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The radiomics table a site exports, with pyradiomics' own feature names (pyradiomics 3.0.1, 3D, image types
 * Original and Wavelet LLH/HLL): 129 features. Three features carry the latent survival signal; the others are
 * driven by tumour size and shared texture factors so that they correlate the way real radiomics features do.
 * A site's scanner shifts every intensity-derived feature by its own scale and offset; shape features are
 * geometry and do not move with the scanner.
 */
final class RadiomicsFeatures {

    /** The features whose latent value enters the survival model, in the order of SurvivalModel.RADIOMICS. */
    static final List<String> SIGNAL_FEATURES = List.of(
            "original_firstorder_Entropy", "original_shape_Sphericity", "original_glszm_ZoneEntropy");

    private static final List<String> SHAPE = List.of("Elongation", "Flatness", "LeastAxisLength",
            "MajorAxisLength", "Maximum2DDiameterColumn", "Maximum2DDiameterRow", "Maximum2DDiameterSlice",
            "Maximum3DDiameter", "MeshVolume", "MinorAxisLength", "Sphericity", "SurfaceArea", "SurfaceVolumeRatio",
            "VoxelVolume");
    private static final List<String> FIRST_ORDER = List.of("10Percentile", "90Percentile", "Energy", "Entropy",
            "InterquartileRange", "Kurtosis", "Maximum", "MeanAbsoluteDeviation", "Mean", "Median", "Minimum",
            "Range", "RobustMeanAbsoluteDeviation", "RootMeanSquared", "Skewness", "TotalEnergy", "Uniformity",
            "Variance");
    private static final List<String> GLCM = List.of("Autocorrelation", "ClusterProminence", "ClusterShade",
            "ClusterTendency", "Contrast", "Correlation", "DifferenceAverage", "DifferenceEntropy",
            "DifferenceVariance", "Id", "Idm", "Idmn", "Idn", "Imc1", "Imc2", "InverseVariance", "JointAverage",
            "JointEnergy", "JointEntropy", "MCC", "MaximumProbability", "SumAverage", "SumEntropy", "SumSquares");
    private static final List<String> GLRLM = List.of("GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized",
            "GrayLevelVariance", "HighGrayLevelRunEmphasis", "LongRunEmphasis", "LongRunHighGrayLevelEmphasis",
            "LongRunLowGrayLevelEmphasis", "LowGrayLevelRunEmphasis", "RunEntropy", "RunLengthNonUniformity",
            "RunLengthNonUniformityNormalized", "RunPercentage", "RunVariance", "ShortRunEmphasis",
            "ShortRunHighGrayLevelEmphasis", "ShortRunLowGrayLevelEmphasis");
    private static final List<String> GLSZM = List.of("GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized",
            "GrayLevelVariance", "HighGrayLevelZoneEmphasis", "LargeAreaEmphasis", "LargeAreaHighGrayLevelEmphasis",
            "LargeAreaLowGrayLevelEmphasis", "LowGrayLevelZoneEmphasis", "SizeZoneNonUniformity",
            "SizeZoneNonUniformityNormalized", "SmallAreaEmphasis", "SmallAreaHighGrayLevelEmphasis",
            "SmallAreaLowGrayLevelEmphasis", "ZoneEntropy", "ZonePercentage", "ZoneVariance");
    private static final List<String> NGTDM = List.of("Busyness", "Coarseness", "Complexity", "Contrast",
            "Strength");

    /** Every feature column, in pyradiomics' order (image type, then feature class, then feature). */
    static final List<String> FEATURE_COLUMNS = featureColumns();

    /** Per-feature generative parameters, fixed by a constant seed so every run agrees. */
    private static final Map<String, FeatureLaw> LAWS = laws();

    private RadiomicsFeatures() {
    }

    /**
     * The feature values of one study.
     *
     * @param sizeMm true greatest tumour dimension (mm)
     * @param signal the three latent survival signals (standard normal)
     * @param site the site, for its scanner shift
     * @param random the patient's random stream, for measurement noise
     */
    static Map<String, Double> values(double sizeMm, double[] signal, SiteProfile site, RandomGenerator random) {
        double sizeFactor = Math.log(sizeMm / 30.0);
        double texture = random.nextGaussian();
        Map<String, Double> values = new LinkedHashMap<>();
        for (String column : FEATURE_COLUMNS) {
            int signalIndex = SIGNAL_FEATURES.indexOf(column);
            FeatureLaw law = LAWS.get(column);
            double value;
            if (signalIndex >= 0) {
                value = law.mean() + law.spread() * signal[signalIndex];
            } else if (column.equals("original_shape_Maximum3DDiameter")) {
                value = sizeMm * (1.0 + 0.03 * random.nextGaussian());
            } else if (column.equals("original_shape_MeshVolume") || column.equals("original_shape_VoxelVolume")) {
                value = Math.PI / 6 * Math.pow(sizeMm * 0.85, 3) * (1.0 + 0.05 * random.nextGaussian());
            } else {
                double z = law.sizeLoading() * sizeFactor + law.textureLoading() * texture
                        + 0.5 * random.nextGaussian();
                value = law.sign() * law.mean() * Math.exp(law.spread() * z);
            }
            if (!column.startsWith("original_shape_")) {
                value = value * site.scannerScale() + site.scannerOffsetSd() * law.spread() * Math.abs(law.mean());
            }
            values.put(column, round(value));
        }
        return values;
    }

    /** Eleven significant digits: what a CSV of numpy floats carries, without a long tail of noise digits. */
    private static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(11)).doubleValue();
    }

    private static List<String> featureColumns() {
        List<String> columns = new ArrayList<>();
        SHAPE.forEach(name -> columns.add("original_shape_" + name));
        FIRST_ORDER.forEach(name -> columns.add("original_firstorder_" + name));
        GLCM.forEach(name -> columns.add("original_glcm_" + name));
        GLRLM.forEach(name -> columns.add("original_glrlm_" + name));
        GLSZM.forEach(name -> columns.add("original_glszm_" + name));
        NGTDM.forEach(name -> columns.add("original_ngtdm_" + name));
        FIRST_ORDER.forEach(name -> columns.add("wavelet-LLH_firstorder_" + name));
        FIRST_ORDER.forEach(name -> columns.add("wavelet-HLL_firstorder_" + name));
        return Collections.unmodifiableList(columns);
    }

    private static Map<String, FeatureLaw> laws() {
        SplittableRandom fixed = new SplittableRandom(20_180_522L);
        Map<String, FeatureLaw> laws = new LinkedHashMap<>();
        for (String column : featureColumns()) {
            double mean = Math.pow(10, fixed.nextDouble(-1.5, 3.5));
            double spread = fixed.nextDouble(0.1, 0.45);
            double sizeLoading = column.startsWith("original_shape_") ? fixed.nextDouble(0.6, 1.0)
                    : fixed.nextDouble(-0.5, 0.8);
            double sign = column.endsWith("Imc1") || column.endsWith("ClusterShade") ? -1 : 1;
            laws.put(column, new FeatureLaw(mean, spread, sizeLoading, fixed.nextDouble(-0.8, 0.8), sign));
        }
        laws.put("original_firstorder_Entropy", new FeatureLaw(4.2, 0.55, 0, 0, 1));
        laws.put("original_shape_Sphericity", new FeatureLaw(0.62, 0.08, 0, 0, 1));
        laws.put("original_glszm_ZoneEntropy", new FeatureLaw(6.1, 0.45, 0, 0, 1));
        return laws;
    }

    private record FeatureLaw(double mean, double spread, double sizeLoading, double textureLoading, double sign) {
    }
}
