package io.tumorboard.federation.calibration;

import java.util.Collection;

/**
 * A site's calibration counts for one exchange, masked ({@link MaskingKey#mask}): on their own the words look
 * uniform; added up over all the exchange's participants (modulo 2^64) the masks cancel and the sum is the counts
 * summed over sites, laid out as {@link CountVector} says.
 *
 * @param exchangeId the exchange the words were masked for
 * @param cases the site's held-out cases behind the counts, in clear (its evaluation's example count says as much)
 * @param values the masked words
 */
public record MaskedCounts(String exchangeId, long cases, long[] values) {

    public MaskedCounts {
        if (cases < 0) {
            throw new IllegalArgumentException("negative case count " + cases);
        }
        values = values.clone();
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    /** The sum of every participant's words, modulo 2^64: Java's long addition wraps, which is that sum. */
    public static long[] sum(Collection<MaskedCounts> all, int length) {
        long[] sum = new long[length];
        for (MaskedCounts m : all) {
            if (m.values.length != length) {
                throw new IllegalArgumentException("masked counts of " + m.values.length + " words; expected " + length);
            }
            for (int i = 0; i < length; i++) {
                sum[i] += m.values[i];
            }
        }
        return sum;
    }
}
