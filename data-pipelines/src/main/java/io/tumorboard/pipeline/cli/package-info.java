/**
 * The thin picocli entry points of the shaded jar: {@code run} (the default command: a site's export to cases,
 * bounded or continuous, with a progress bar) and {@code bench} (throughput and latency figures). They parse
 * options and call the classes the tests build directly.
 */
package io.tumorboard.pipeline.cli;
