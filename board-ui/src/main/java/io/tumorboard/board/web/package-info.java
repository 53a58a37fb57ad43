/**
 * What every page shares: the signed-in person and their role for the layout, the clock, and the one place
 * that maps domain errors (unknown case, decision conflict, bad input) to HTTP answers without stack traces.
 */
package io.tumorboard.board.web;
