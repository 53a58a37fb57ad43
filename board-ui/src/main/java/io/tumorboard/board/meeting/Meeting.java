package io.tumorboard.board.meeting;

import java.time.LocalDate;

/**
 * A tumor-board meeting.
 *
 * @param id database id
 * @param date the meeting day
 * @param tumorType e.g. {@code Thoracic / lung}
 * @param chairUsername the chair, who signs its decisions off
 */
public record Meeting(long id, LocalDate date, String tumorType, String chairUsername) {
}
