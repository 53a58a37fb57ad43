package io.tumorboard.pipeline.cohort;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The radiomics table of a site, one row per imaging study, as pyradiomics' batch mode writes it: the input
 * columns first (here {@code patient_id}, {@code study_id}, {@code study_date}, {@code Image}, {@code Mask}),
 * then the {@code diagnostics_*} columns, then the features.
 */
final class RadiomicsTable {

    static final String FILE = "radiomics/radiomics_features.csv";
    static final int STUDY_ID_COLUMN = 1;
    static final List<String> KEY_COLUMNS = List.of("patient_id", "study_id", "study_date", "Image", "Mask");
    static final List<String> DIAGNOSTICS_COLUMNS = List.of(
            "diagnostics_Versions_PyRadiomics", "diagnostics_Versions_Numpy", "diagnostics_Versions_SimpleITK",
            "diagnostics_Versions_PyWavelet", "diagnostics_Versions_Python", "diagnostics_Configuration_Settings",
            "diagnostics_Configuration_EnabledImageTypes", "diagnostics_Image-original_Hash",
            "diagnostics_Image-original_Dimensionality", "diagnostics_Image-original_Spacing",
            "diagnostics_Image-original_Size", "diagnostics_Image-original_Mean", "diagnostics_Image-original_Minimum",
            "diagnostics_Image-original_Maximum", "diagnostics_Mask-original_Hash", "diagnostics_Mask-original_Spacing",
            "diagnostics_Mask-original_Size", "diagnostics_Mask-original_BoundingBox",
            "diagnostics_Mask-original_VoxelNum", "diagnostics_Mask-original_VolumeNum",
            "diagnostics_Mask-original_CenterOfMassIndex", "diagnostics_Mask-original_CenterOfMass");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("").get();

    private RadiomicsTable() {
    }

    static String header() {
        List<String> header = new ArrayList<>(KEY_COLUMNS);
        header.addAll(DIAGNOSTICS_COLUMNS);
        header.addAll(RadiomicsFeatures.FEATURE_COLUMNS);
        return row(header);
    }

    /** One study's row: keys, pyradiomics diagnostics, then every feature value. */
    static String row(LatentPatient p, String studyId, Map<String, Double> features, SiteProfile site,
            RandomGenerator random) {
        List<String> cells = new ArrayList<>();
        cells.add(p.mrn());
        cells.add(studyId);
        cells.add(p.stagingCtDate().toString());
        cells.add("nrrd/" + studyId + "_image.nrrd");
        cells.add("nrrd/" + studyId + "_label.nrrd");
        double spacing = site.scannerScale() >= 1 ? 0.703125 : 0.9765625;
        double sliceMm = site.scannerOffsetSd() < 0 ? 2.5 : 1.25;
        int voxels = (int) Math.round(features.get("original_shape_VoxelVolume") / (spacing * spacing * sliceMm));
        cells.add("v3.0.1");
        cells.add("1.21.6");
        cells.add("2.1.1.2");
        cells.add("1.3.0");
        cells.add("3.7.12");
        cells.add("{'minimumROIDimensions': 2, 'minimumROISize': None, 'normalize': False, 'normalizeScale': 1,"
                + " 'removeOutliers': None, 'resampledPixelSpacing': None, 'interpolator': 'sitkBSpline',"
                + " 'preCrop': False, 'padDistance': 5, 'distances': [1], 'force2D': False, 'force2Ddimension': 0,"
                + " 'resegmentRange': None, 'label': 1, 'additionalInfo': True, 'binWidth': 25}");
        cells.add("{'Original': {}, 'Wavelet': {}}");
        cells.add(hash(random));
        cells.add("3D");
        cells.add("(" + spacing + ", " + spacing + ", " + sliceMm + ")");
        cells.add("(512, 512, " + (sliceMm > 2 ? 140 : 280) + ")");
        cells.add(DocumentationPlanner.fmt(Math.round((-480 + 40 * random.nextGaussian()) * 1e4) / 1e4));
        cells.add("-1024.0");
        cells.add(DocumentationPlanner.fmt(2000 + random.nextInt(1200)) + ".0");
        cells.add(hash(random));
        cells.add("(" + spacing + ", " + spacing + ", " + sliceMm + ")");
        cells.add("(512, 512, " + (sliceMm > 2 ? 140 : 280) + ")");
        int x = 120 + random.nextInt(260);
        int y = 150 + random.nextInt(200);
        int z = 20 + random.nextInt(90);
        int extent = (int) Math.ceil(p.sizeMm() / spacing);
        cells.add("(" + x + ", " + y + ", " + z + ", " + extent + ", " + extent + ", "
                + (int) Math.ceil(p.sizeMm() / sliceMm) + ")");
        cells.add(Integer.toString(voxels));
        cells.add("1");
        cells.add("(" + (x + extent / 2) + ", " + (y + extent / 2) + ", " + z + ")");
        cells.add("(" + (x + extent / 2) * spacing + ", " + (y + extent / 2) * spacing + ", " + z * sliceMm + ")");
        for (String column : RadiomicsFeatures.FEATURE_COLUMNS) {
            cells.add(Double.toString(features.get(column)));
        }
        return row(cells);
    }

    static String row(List<String> cells) {
        return FORMAT.format(cells.toArray());
    }

    /** The cells of one CSV row (quoted cells with commas inside stay one cell). */
    static List<String> cells(String row) {
        try (CSVParser parser = CSVParser.parse(new StringReader(row), CSVFormat.DEFAULT)) {
            CSVRecord record = parser.getRecords().get(0);
            return new ArrayList<>(record.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(RandomGenerator random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
