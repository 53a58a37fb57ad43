/**
 * Meetings and their agendas. A chair creates a meeting (date, tumor type, chair), searches the case store and
 * puts cases on the agenda with the question each brings. The agenda is ordered when it is read: complex cases
 * first (critical flags, other flags, discordant clinical and pathological stages, an uncertain or abstaining
 * model), then the standard-of-care cases the board only confirms.
 */
package io.tumorboard.board.meeting;
