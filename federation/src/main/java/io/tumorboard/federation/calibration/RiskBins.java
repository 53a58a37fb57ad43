package io.tumorboard.federation.calibration;

/**
 * The fixed fine bins of predicted risk that sites count their held-out cases in: {@value #COUNT} bins of width
 * 0.001 on [0, 1]. Bin width is the resolution of a federated table's group thresholds and ranges; fixed (not
 * data-driven) so that no site's bin edges reveal its own risks.
 */
public final class RiskBins {

    /** Number of bins; part of the federation protocol (a site's histogram has exactly this many counts). */
    public static final int COUNT = 1000;

    private RiskBins() {
    }

    /** The bin of a predicted risk (a probability; values outside [0, 1] fall in the end bins). */
    public static int of(double risk) {
        return (int) Math.max(0, Math.min(COUNT - 1, Math.floor(risk * COUNT)));
    }

    static double lowerEdge(int bin) {
        return (double) bin / COUNT;
    }

    static double upperEdge(int bin) {
        return (double) (bin + 1) / COUNT;
    }
}
