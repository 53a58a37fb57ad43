/**
 * The DL4J side: the fusion {@code ComputationGraph} (one encoder per modality, gated fusion, a discrete-time
 * survival head and per-modality T-stage heads), its custom censoring-aware loss, the batch layout with
 * modality dropout, the FedProx gradient term, and the Mahalanobis out-of-distribution detector on the fused
 * embedding. Classes here are public only because DL4J or the root package must reach them; callers outside
 * the learning part use {@link io.tumorboard.model.learning.FusionModel} instead.
 */
package io.tumorboard.model.learning.network;
