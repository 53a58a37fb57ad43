/**
 * The coordinator of a federated run, independent of gRPC: the round state machine ({@link
 * io.tumorboard.federation.coordinator.TrainingRun}), the checks an update must pass (round, task,
 * layout, digest, finiteness, norm), the strategies that fold updates into the next global model
 * (FedAvg, FedProx, FedAdam, coordinate-wise median, trimmed mean) block by block from spool files, and
 * the per-round checkpoint a restarted coordinator resumes from.
 */
package io.tumorboard.federation.coordinator;
