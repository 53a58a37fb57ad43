/**
 * Benchmarks that print figures (never timed assertions): update transfer over mutual TLS against a raw
 * loopback socket copy, the coordinator's peak heap in its own JVM relative to the model size, and
 * aggregation throughput against a plain memory copy.
 */
package io.tumorboard.federation.bench;
