/**
 * Federations that run inside one JVM: synthetic non-IID hospitals, a real logistic-regression learner
 * for them, and the loopback harness that runs the coordinator and every site node over real gRPC with
 * mutual TLS. The simulate command and the integration tests build on it; the fusion network's adapter
 * plugs into the same {@link io.tumorboard.federation.site.LocalTrainer} port.
 */
package io.tumorboard.federation.simulation;
