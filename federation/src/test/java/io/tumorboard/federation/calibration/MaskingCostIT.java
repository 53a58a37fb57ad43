package io.tumorboard.federation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What masking costs (medians of 7): one site's masking of the 1000-bin histogram and of a 10-group table (740 words) among 3 and
 * among 100 participants (it derives one mask stream per partner), and the coordinator's sum of all participants'
 * masked words. Printed for the README; the bounds only catch a cost gone absurd.
 */
class MaskingCostIT {

    @Test
    void maskingTheHistogramAndTheGroupTablesAt3And100Sites() {
        int[] passes = {3, 100, 3, 100}; // the first two warm the JIT up (class loading, AES intrinsics); not reported
        for (int pass = 0; pass < passes.length; pass++) {
            int sites = passes[pass];
            List<MaskingKey> keys = new ArrayList<>();
            List<MaskedExchange.Participant> participants = new ArrayList<>();
            for (int s = 0; s < sites; s++) {
                keys.add(MaskingKey.generate());
                participants.add(new MaskedExchange.Participant(String.format("site-%03d", s), keys.get(s).publicKey()));
            }
            MaskedExchange exchange = new MaskedExchange("bench", 4, "e", participants);
            double histogramMs = perSiteMs(keys, exchange, RiskBins.COUNT);
            double groupsMs = perSiteMs(keys, exchange, 10 * CountVector.GROUP_WORDS);
            List<MaskedCounts> all = new ArrayList<>();
            for (int s = 0; s < sites; s++) {
                all.add(new MaskedCounts("e", 1, new long[RiskBins.COUNT]));
            }
            List<Double> sums = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                MaskedCounts.sum(all, RiskBins.COUNT);
                sums.add((System.nanoTime() - t0) / 1e6);
            }
            sums.sort(null);
            double sumMs = sums.get(3);
            if (pass < 2) {
                continue;
            }
            System.out.printf("masking at %d sites: one site masks the 1000-bin histogram in %.2f ms and a 10-group "
                    + "table (740 words) in %.2f ms; the coordinator sums %d histograms in %.3f ms%n",
                    sites, histogramMs, groupsMs, sites, sumMs);
            assertThat(histogramMs).isLessThan(sites * 50.0);
        }
    }

    /** The median time one site takes to mask {@code words} counts, over 7 maskings by 5 of the exchange's sites. */
    private static double perSiteMs(List<MaskingKey> keys, MaskedExchange exchange, int words) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int s = i % Math.min(5, keys.size());
            long t0 = System.nanoTime();
            keys.get(s).mask(exchange, exchange.participants().get(s).site(), 1, new long[words]);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }
}
