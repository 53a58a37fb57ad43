/**
 * The model registry: a folder of versioned model packages, one per completed round of every run, each
 * with its lineage (run, round, strategy, sites, metrics, digest, parent), and the {@code promoted}
 * pointer the workbench reads to know which model to serve.
 */
package io.tumorboard.federation.registry;
