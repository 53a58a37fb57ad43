/**
 * RECIST 1.1 response assessment (Eisenhauer et al., Eur J Cancer 2009): baseline target selection, sums of
 * diameters, target and non-target response, new lesions, the overall time-point tables and best overall
 * response with optional confirmation.
 *
 * <p>{@link io.tumorboard.model.rules.recist.RecistEvaluator} is the entry point; each rule of the paper lives
 * in one small package-private class named after it, with the section it implements, so a reader can check
 * the code against the paper line by line. The discrepancy check that compares a report's stated response with
 * the computed one uses this package; so does the workbench to show the computed response beside the stated one.
 */
package io.tumorboard.model.rules.recist;
