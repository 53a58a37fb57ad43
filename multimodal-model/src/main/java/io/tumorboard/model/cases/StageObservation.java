package io.tumorboard.model.cases;

import java.time.LocalDate;

/**
 * One documented staging value, as mCODE records it: one Observation per T, N, M and stage group.
 *
 * @param basis clinical, pathological or post-therapy
 * @param descriptor T, N, M or the stage group
 * @param value the category without its prefix letter, e.g. {@code T2a}, {@code N1}, {@code M1b}, {@code IIIA}
 * @param edition the AJCC edition it was assigned under ({@link AjccEdition#UNKNOWN} when the source does not say)
 * @param date effective date of the observation
 * @param source where it was documented
 */
public record StageObservation(
        StageBasis basis,
        StageDescriptor descriptor,
        String value,
        AjccEdition edition,
        LocalDate date,
        SourceRef source) {
}
