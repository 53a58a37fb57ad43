/**
 * Benchmarks that print figures (never timed assertions): update transfer over mutual TLS against a raw
 * loopback socket copy, the coordinator's peak heap in its own JVM relative to the model size, and
 * aggregation throughput against a plain memory copy; and warm, steady-state model pulls in one JVM
 * ({@link io.tumorboard.federation.bench.SteadyStatePulls}), for alternating two builds of the transfer path.
 */
package io.tumorboard.federation.bench;
