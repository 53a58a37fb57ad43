/**
 * Where cases and dead letters go. The case store (JDBC, H2 or PostgreSQL) is written through Flink Sink V2
 * writers whose writes are idempotent, so at-least-once delivery after a restore still leaves each row once. The
 * training dataset is a Flink {@code FileSink} of JSON-lines part files, exactly-once with checkpoints (bulk part
 * files roll on every checkpoint and are committed only when it completes); every part file starts with the case
 * codec's header line, so each one is a complete case file. Dead letters go to a JSON-lines FileSink and to the
 * {@code dead_letter} table the workbench's data-quality page reads.
 */
package io.tumorboard.pipeline.sink;
