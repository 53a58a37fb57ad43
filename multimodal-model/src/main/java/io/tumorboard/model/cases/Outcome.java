package io.tumorboard.model.cases;

import java.time.LocalDate;

/**
 * Survival outcome, right-censored.
 *
 * @param followUpDays days from diagnosis to death (event) or to last contact (censored)
 * @param death true when the patient died at {@code followUpDays}; false when censored there
 * @param lastKnownDate date of death or of last contact
 */
public record Outcome(int followUpDays, boolean death, LocalDate lastKnownDate) {

    public Outcome {
        if (followUpDays < 0) {
            throw new IllegalArgumentException("followUpDays must be >= 0, was " + followUpDays);
        }
    }
}
