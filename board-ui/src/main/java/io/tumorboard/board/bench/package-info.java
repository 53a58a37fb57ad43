/**
 * The {@code bench} command: starts the workbench with the demo data on a loopback port and drives the case
 * page with 1, 10 and 50 concurrent signed-in users (each its own session), printing requests per second and the
 * p50 and p99 latency at each level. A speed goal is printed beside the figures, never asserted in a test.
 */
package io.tumorboard.board.bench;
