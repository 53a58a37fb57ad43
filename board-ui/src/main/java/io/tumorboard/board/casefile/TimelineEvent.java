package io.tumorboard.board.casefile;

import java.time.LocalDate;

/**
 * One dated event of a case.
 *
 * @param date when
 * @param kind diagnosis, staging, imaging, pathology, treatment or planned imaging
 * @param description what happened
 * @param anchor the id of the case page element with the details
 */
public record TimelineEvent(LocalDate date, String kind, String description, String anchor) {
}
