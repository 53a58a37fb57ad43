/**
 * Reads a site's export folder with Flink's FLIP-27 {@code FileSource}: bounded (one-off export) or continuous
 * (new files dropped into the folders are picked up by {@code monitorContinuously}). The file format turns each
 * file into raw records that keep their file and line, so a rejected record can be named precisely: NDJSON and
 * CSV by line (a CSV row carries its header), text reports as one record. The reader's position is the number of
 * records already emitted from the file, so a job restored from a checkpoint resumes exactly where it was.
 */
package io.tumorboard.pipeline.source;
