/**
 * The learning part's public API, and the one package the federation engineer needs.
 *
 * <p>{@link io.tumorboard.model.learning.FusionModel} is the multimodal survival network with its fitted
 * features: {@code create(ModelSpec, FeaturePipeline)}, a flat parameter view
 * ({@code parameters()}/{@code setParameters}) for federated averaging, {@code train(cases, TrainingConfig)}
 * for local epochs with an optional FedProx proximal term towards the global parameters, and
 * {@code predict(case)} returning a {@link io.tumorboard.model.learning.Prediction} that carries its own
 * uncertainty, out-of-distribution score, explanations, learned stage flags and warnings — or a refusal with
 * reasons, never an exception for bad clinical input. {@link io.tumorboard.model.learning.ModelPackage} saves
 * and loads a versioned package with its {@link io.tumorboard.model.learning.ModelCard};
 * {@link io.tumorboard.model.learning.SurvivalMetrics} holds the censoring-aware metrics a site can compute
 * on its own held-out cases and report as aggregates. Sub-packages hold the parts: {@code features} (case to
 * vectors), {@code network} (the DL4J graph, loss, FedProx, OOD), {@code survival} (the interval grid and
 * Kaplan–Meier), {@code evaluation} (splits, cross-validation, reports), {@code bench} and {@code cli}.
 */
package io.tumorboard.model.learning;
