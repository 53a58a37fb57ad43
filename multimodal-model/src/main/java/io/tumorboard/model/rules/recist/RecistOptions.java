package io.tumorboard.model.rules.recist;

/**
 * How best overall response is derived (RECIST 1.1 section 4.4 and 4.6: confirmation is required in
 * non-randomised trials where response is the primary end point, not in randomised ones; the minimum interval
 * for stable disease is set by the protocol).
 *
 * @param confirmationRequired whether a CR or PR counts only when a later assessment confirms it
 * @param confirmationMinDays the least interval in days between a response and its confirmation (RECIST: 4 weeks)
 * @param stableDiseaseMinDays the least time in days from baseline for SD to count as best response (protocol-set;
 *     RECIST suggests 6-8 weeks)
 */
public record RecistOptions(boolean confirmationRequired, int confirmationMinDays, int stableDiseaseMinDays) {

    public RecistOptions {
        if (confirmationMinDays < 0 || stableDiseaseMinDays < 0) {
            throw new IllegalArgumentException("intervals are days and must be >= 0");
        }
    }

    /** Unconfirmed responses, SD after 6 weeks (42 days): as used for a board's running assessment. */
    public static RecistOptions unconfirmed() {
        return new RecistOptions(false, 28, 42);
    }

    /** Confirmation after at least 4 weeks (28 days), SD after 6 weeks (42 days). */
    public static RecistOptions confirmed() {
        return new RecistOptions(true, 28, 42);
    }
}
