/**
 * The flags panel: every flag of a case with its severity, what differs, both sources with links to their
 * evidence, and the rule with its published source; and the board's review of each flag (acknowledged or
 * dismissed, always with a reason, recorded with who and when, and audited).
 */
package io.tumorboard.board.flag;
