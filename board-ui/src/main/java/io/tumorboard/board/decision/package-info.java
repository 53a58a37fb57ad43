/**
 * Board decisions. A decision is drafted (recommendation with intent, modality and guideline reference,
 * rationale, attendees, consensus or dissent, follow-up), then signed off by the meeting's chair. A draft is
 * edited in place under optimistic locking, so two people never silently overwrite each other; a signed
 * decision is never edited: a change starts a new revision that needs its own sign-off.
 */
package io.tumorboard.board.decision;
