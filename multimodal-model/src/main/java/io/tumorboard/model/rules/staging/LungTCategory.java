package io.tumorboard.model.rules.staging;

import java.util.Set;

/**
 * The T category of a lung primary from its size and extent, under the AJCC 8th edition (ch. 36 Lung; IASLC,
 * Rami-Porta et al., J Thorac Oncol 2015;10:990-1003). Size is the greatest dimension of the invasive
 * component in mm (for part-solid tumours the solid part on CT, the invasive part in pathology); bands are
 * closed at their upper end: T1a up to 10 mm, T1b over 10 to 20 mm, T1c over 20 to 30 mm, T2a over 30 to
 * 40 mm, T2b over 40 to 50 mm, T3 over 50 to 70 mm, T4 over 70 mm.
 */
public final class LungTCategory {

    private static final double MAX_IN_SITU_MM = 30.0;

    private LungTCategory() {
    }

    /**
     * The 8th-edition T category, e.g. {@code T1b}, {@code T2a}, {@code T4}; {@code TX} when neither a size
     * nor any extent finding is known.
     *
     * @param invasiveSizeMm greatest dimension in mm of the invasive component, null when unknown
     * @param extent the findings present (an empty set when none)
     */
    public static String eighthEdition(Double invasiveSizeMm, Set<TumorExtent> extent) {
        if (invasiveSizeMm != null && (invasiveSizeMm.isNaN() || invasiveSizeMm < 0)) {
            throw new IllegalArgumentException("tumour size must be a non-negative number of mm, was " + invasiveSizeMm);
        }
        int byFeature = extent.stream().mapToInt(TumorExtent::impliedT).filter(t -> t >= 2).max().orElse(-1);
        int bySize = invasiveSizeMm == null ? -1 : sizeLevel(invasiveSizeMm);
        int level = Math.max(byFeature, bySize);
        if (level == 4) {
            return "T4";
        }
        if (level == 3) {
            return "T3";
        }
        if (level == 2) {
            // T2 by a feature alone is T2a when 4 cm or less or when the size cannot be determined.
            return invasiveSizeMm != null && invasiveSizeMm > 40.0 ? "T2b" : "T2a";
        }
        boolean small = invasiveSizeMm == null || invasiveSizeMm <= MAX_IN_SITU_MM;
        if (extent.contains(TumorExtent.ADENOCARCINOMA_IN_SITU) && small) {
            return "Tis";
        }
        if (extent.contains(TumorExtent.MINIMALLY_INVASIVE_ADENOCARCINOMA) && small) {
            return "T1mi";
        }
        if (invasiveSizeMm == null) {
            return "TX";
        }
        if (invasiveSizeMm <= 10.0) {
            return "T1a";
        }
        return invasiveSizeMm <= 20.0 ? "T1b" : "T1c";
    }

    private static int sizeLevel(double mm) {
        if (mm > 70.0) {
            return 4;
        }
        if (mm > 50.0) {
            return 3;
        }
        return mm > 30.0 ? 2 : 1;
    }
}
