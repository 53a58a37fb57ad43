/**
 * A hospital's side of federated training: the site node that dials out to the coordinator, trains or
 * evaluates on local data through the {@link io.tumorboard.federation.site.LocalTrainer} port and sends
 * back only the update, counts and aggregate metrics; the local allow-list of approved run
 * configurations; and differential privacy (update clipping, Gaussian noise, and the Rényi-DP accountant
 * that reports the epsilon spent).
 */
package io.tumorboard.federation.site;
