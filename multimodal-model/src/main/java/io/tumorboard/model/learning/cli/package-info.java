/**
 * Thin picocli entry points — {@code train}, {@code evaluate}, {@code predict}, {@code bench} — each parsing
 * options, showing a progress bar and calling a class the tests build directly; plus the reader that turns a
 * flat cohort table into cases through a column-mapping file.
 */
package io.tumorboard.model.learning.cli;
