/**
 * The one writer of a module's bench report ({@code bench-output/<module>.json}), which board-ui's
 * {@code ProductBenchReport} joins into the product's {@code REPORT.md}. Every module's {@code bench --report}
 * goes through {@link io.tumorboard.model.bench.BenchFigures}, so the contract (module, machine, figures each with
 * what it is measured against, the ratio and the goal) is written in one place. Plain Java and Jackson only: no
 * ND4J or DL4J, so the pipeline (which leaves the learning stack out) can use it too.
 */
package io.tumorboard.model.bench;
