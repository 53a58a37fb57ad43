/**
 * The adapter between federated training and the multimodal fusion network: a site's case dataset (JSON
 * lines) split into training and held-out cases, and the {@link io.tumorboard.federation.site.LocalTrainer}
 * that trains the network locally (FedProx-aware) and reports Harrell's C on the held-out cases. Patient
 * cases are read here and never leave this package; only the flat parameter vector does.
 */
package io.tumorboard.federation.fusion;
