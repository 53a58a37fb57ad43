/**
 * What flows between the pipeline's stages: a {@link io.tumorboard.pipeline.ingest.RawRecord} as read from an
 * export file (file, line, raw bytes), the {@link io.tumorboard.pipeline.ingest.CaseFragment} a reader makes of
 * it, and the {@link io.tumorboard.pipeline.ingest.RejectedRecord} or skip reason when it cannot or should not
 * become one. Every raw record ends in exactly one of accepted, rejected or skipped, so a run's counts reconcile.
 * The types are flat Java records of strings, numbers and bytes, so Flink serialises them as POJOs (no Kryo);
 * typed case parts travel as UTF-8 JSON bytes in {@code payload}, written and read with the case schema's own
 * mapper.
 */
package io.tumorboard.pipeline.ingest;
