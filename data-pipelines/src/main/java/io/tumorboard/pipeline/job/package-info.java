/**
 * The Flink job and its run. {@link io.tumorboard.pipeline.job.CaseJob} wires source → decode → link patients →
 * assemble cases → sinks, taking its source and sinks as arguments so tests and the bench can inject their own
 * (the apache/flink-training shape); every stateful operator has a stable {@code uid} so a checkpoint can be
 * restored into a new build. {@link io.tumorboard.pipeline.job.PipelineRun} runs it on the embedded MiniCluster
 * (or the cluster {@code flink run} provides), and reconciles the counts at the end of a bounded run:
 * records in = accepted + rejected + skipped (by reason).
 */
package io.tumorboard.pipeline.job;
