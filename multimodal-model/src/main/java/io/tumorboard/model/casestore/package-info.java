/**
 * The site's case store: the relational home of assembled cases, written by the pipeline and read by the
 * workbench. Plain JDBC over an H2 file database (default) or PostgreSQL, with the schema kept by Flyway
 * ({@code db/casestore}, history table {@code casestore_schema_history}) so both writers and readers migrate the
 * same way. Every write is idempotent: a (case key, case version) pair is stored once, {@code current_case}
 * only ever moves to a newer version, and a dead letter is stored once per (run, file, line), so a pipeline
 * replayed from a checkpoint can write the same rows again without duplicating them.
 */
package io.tumorboard.model.casestore;
