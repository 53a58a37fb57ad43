/**
 * The audit log: one append-only row for every case view and every change anyone makes, with who, when, what
 * and on which record. Only the admin reads it. It names cases by their pseudonymous key only.
 */
package io.tumorboard.board.audit;
